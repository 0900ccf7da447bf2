-- A password someone else chose (an administrator adding the person or resetting their password) is known
-- to them and to whatever carried it: until the person chooses their own, their sessions may do nothing else.
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
