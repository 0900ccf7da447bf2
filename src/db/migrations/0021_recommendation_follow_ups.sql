-- Every follow-up a recommendation receives, cycle after cycle. The recommendation's own columns keep the
-- latest; each review shows the follow-ups it recorded, as they were recorded, whatever later cycles find.
CREATE TABLE recommendation_follow_ups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  recommendation_id uuid NOT NULL REFERENCES review_recommendations (id) ON DELETE CASCADE,
  review_id uuid REFERENCES reviews (id) ON DELETE CASCADE,
  implementation text NOT NULL CHECK (implementation IN ('not_started', 'partial', 'full')),
  note text NOT NULL DEFAULT '',
  recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  recorded_at timestamptz NOT NULL,
  -- Breaks ties between follow-ups recorded in the same instant: the order they were first recorded in.
  seq bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX recommendation_follow_ups_recommendation ON recommendation_follow_ups (recommendation_id);
CREATE INDEX recommendation_follow_ups_review ON recommendation_follow_ups (review_id);

-- Until now only the latest follow-up was kept: it becomes the first entry of each history.
INSERT INTO recommendation_follow_ups (recommendation_id, review_id, implementation, note, recorded_at)
SELECT id, followed_up_in, implementation, follow_up_note, followed_up_at
FROM review_recommendations
WHERE implementation IS NOT NULL AND followed_up_at IS NOT NULL;

-- The recommendation kept only its latest follow-up, whatever review it came from: the history replaces it.
ALTER TABLE review_recommendations
  DROP COLUMN implementation,
  DROP COLUMN follow_up_note,
  DROP COLUMN followed_up_at,
  DROP COLUMN followed_up_in;
