-- Peacebuilding Audit and early action: risk-factor frameworks (as data), country reviews with their
-- assessments and recommendations, alerts with rules, desks and a timeline, scenarios and contingency plans
-- under clearance, and in-app / e-mail notifications.

-- A framework is a versioned list of risk factors, each with indicators and guidance (validated by the
-- zod schema ZFrameworkFactors). Reviews keep the framework version they were written against.
CREATE TABLE frameworks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$'),
  version text NOT NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  source text NOT NULL DEFAULT '',
  is_default boolean NOT NULL DEFAULT false,
  factors jsonb NOT NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (slug, version)
);
CREATE UNIQUE INDEX frameworks_one_default ON frameworks (is_default) WHERE is_default;

-- Review cycles schedule every country once per cycle (UPR-like, 54 months by default).
CREATE TABLE review_cycles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  starts_on date NOT NULL,
  length_months integer NOT NULL CHECK (length_months BETWEEN 1 AND 240),
  framework_id uuid NOT NULL REFERENCES frameworks (id),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE review_schedule (
  cycle_id uuid NOT NULL REFERENCES review_cycles (id) ON DELETE CASCADE,
  iso3 text NOT NULL,
  planned_for date NOT NULL,
  due_on date NOT NULL,
  brought_forward_reason text,
  PRIMARY KEY (cycle_id, iso3)
);

CREATE TABLE reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cycle_id uuid REFERENCES review_cycles (id) ON DELETE SET NULL,
  iso3 text NOT NULL CHECK (iso3 ~ '^[A-Z]{3}$'),
  framework_id uuid NOT NULL REFERENCES frameworks (id),
  owner_org_id uuid NOT NULL REFERENCES organisations (id),
  title text NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'adopted')),
  findings text NOT NULL DEFAULT '',
  evidence jsonb,
  evidence_at timestamptz,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_by uuid REFERENCES users (id) ON DELETE SET NULL,
  submitted_at timestamptz,
  adopted_by uuid REFERENCES users (id) ON DELETE SET NULL,
  adopted_at timestamptz
);
CREATE INDEX reviews_country ON reviews (iso3, created_at DESC);

CREATE TABLE review_assessments (
  review_id uuid NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
  factor_code text NOT NULL,
  level text NOT NULL CHECK (level IN ('none', 'low', 'moderate', 'high', 'severe')),
  trend text NOT NULL CHECK (trend IN ('improving', 'stable', 'worsening', 'unknown')),
  confidence text NOT NULL CHECK (confidence IN ('low', 'medium', 'high')),
  evidence_links jsonb NOT NULL DEFAULT '[]',
  note text NOT NULL DEFAULT '',
  assessed_by uuid REFERENCES users (id) ON DELETE SET NULL,
  assessed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (review_id, factor_code)
);

-- UPR convention: each recommendation names who recommends and who it is addressed to; the addressee
-- supports or notes it; implementation is followed up at the next cycle.
CREATE TABLE review_recommendations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  review_id uuid NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
  iso3 text NOT NULL,
  body text NOT NULL,
  addressed_to text NOT NULL,
  recommended_by text NOT NULL,
  response text NOT NULL DEFAULT 'pending' CHECK (response IN ('pending', 'supported', 'noted')),
  responded_at timestamptz,
  implementation text CHECK (implementation IN ('not_started', 'partial', 'full')),
  follow_up_note text NOT NULL DEFAULT '',
  followed_up_at timestamptz,
  followed_up_in uuid REFERENCES reviews (id) ON DELETE SET NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX review_recommendations_country ON review_recommendations (iso3);

-- Who owns the alerts of a country: an organisation and a person, with a supervisor one level up.
-- The row with iso3 '*' is the default desk for countries without their own.
CREATE TABLE alert_desks (
  iso3 text PRIMARY KEY CHECK (iso3 ~ '^[A-Z]{3}$' OR iso3 = '*'),
  org_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  escalation_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Rules are data: definition is one member of the ZAlertRuleDefinition discriminated union.
CREATE TABLE alert_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  enabled boolean NOT NULL DEFAULT true,
  severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  definition jsonb NOT NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  iso3 text NOT NULL CHECK (iso3 ~ '^[A-Z]{3}$'),
  cause text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  source text NOT NULL,
  summary text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'acknowledged', 'assessed', 'decided', 'action', 'closed')),
  owner_org_id uuid NOT NULL REFERENCES organisations (id),
  owner_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  raised_by uuid REFERENCES users (id) ON DELETE SET NULL,
  raised_at timestamptz NOT NULL,
  deadline timestamptz NOT NULL,
  escalation_level integer NOT NULL DEFAULT 0,
  escalated_at timestamptz,
  occurrences integer NOT NULL DEFAULT 1,
  last_seen_at timestamptz NOT NULL,
  acknowledged_at timestamptz,
  assessed_at timestamptz,
  assessment text,
  decided_at timestamptz,
  decision jsonb,
  action_at timestamptz,
  action_note text,
  closed_at timestamptz,
  outcome text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- One open alert per country and cause: a repeat is merged into it, never raised twice.
CREATE UNIQUE INDEX alerts_open_cause ON alerts (iso3, cause) WHERE status <> 'closed';
CREATE INDEX alerts_owner ON alerts (owner_org_id, status);

-- The alert's timeline: every step with who took it.
CREATE TABLE alert_events (
  id bigserial PRIMARY KEY,
  alert_id uuid NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  kind text NOT NULL,
  actor_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  actor text NOT NULL,
  note text NOT NULL DEFAULT '',
  data jsonb
);
CREATE INDEX alert_events_alert ON alert_events (alert_id, at);

-- What each rule already raised from (a forecast run, a month of data, an assessment): rule evaluation
-- is idempotent because the same evidence never raises twice.
CREATE TABLE alert_triggers (
  rule_id uuid NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
  iso3 text NOT NULL,
  evidence_key text NOT NULL,
  alert_id uuid NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  PRIMARY KEY (rule_id, iso3, evidence_key)
);

-- Closed-door analysis: records under clearance (see core/access/protected-records.ts).
CREATE TABLE scenarios (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_org_id uuid NOT NULL REFERENCES organisations (id),
  clearance text NOT NULL DEFAULT 'confidential' CHECK (clearance IN ('public', 'restricted', 'confidential')),
  iso3 text NOT NULL CHECK (iso3 ~ '^[A-Z]{3}$'),
  title text NOT NULL,
  narrative text NOT NULL DEFAULT '',
  triggers jsonb NOT NULL DEFAULT '[]',
  likelihood text NOT NULL CHECK (likelihood IN ('unlikely', 'possible', 'likely', 'very_likely')),
  impact text NOT NULL CHECK (impact IN ('limited', 'moderate', 'major', 'catastrophic')),
  indicators_to_watch jsonb NOT NULL DEFAULT '[]',
  horizon_months integer,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX scenarios_country ON scenarios (iso3);

CREATE TABLE contingency_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_org_id uuid NOT NULL REFERENCES organisations (id),
  clearance text NOT NULL DEFAULT 'confidential' CHECK (clearance IN ('public', 'restricted', 'confidential')),
  iso3 text NOT NULL CHECK (iso3 ~ '^[A-Z]{3}$'),
  scenario_id uuid REFERENCES scenarios (id) ON DELETE SET NULL,
  title text NOT NULL,
  objective text NOT NULL DEFAULT '',
  activation text NOT NULL DEFAULT '',
  actions jsonb NOT NULL DEFAULT '[]',
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contingency_plans_country ON contingency_plans (iso3);

-- In-app notifications double as the e-mail outbox: email_status 'pending' rows are sent by the mailer.
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL DEFAULT '',
  link text,
  alert_id uuid REFERENCES alerts (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  email_status text NOT NULL DEFAULT 'pending' CHECK (email_status IN ('pending', 'sent', 'failed')),
  email_attempts integer NOT NULL DEFAULT 0,
  email_error text,
  emailed_at timestamptz
);
CREATE INDEX notifications_user ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_outbox ON notifications (email_status) WHERE email_status = 'pending';

-- The default framework, as data administrators may edit or supersede with new versions.
INSERT INTO frameworks (slug, version, title, description, source, is_default, factors) VALUES (
  'un-atrocity-crimes',
  '2014',
  'Framework of Analysis for Atrocity Crimes',
  'Fourteen risk factors for genocide, crimes against humanity and war crimes: common risk factors 1 to 8, genocide 9 and 10, crimes against humanity 11 and 12, war crimes 13 and 14, each with indicators.',
  'United Nations Office on Genocide Prevention and the Responsibility to Protect, Framework of Analysis for Atrocity Crimes: A tool for prevention (2014).',
  true,
  $fw$[
 {
  "code": "1",
  "name": "Situations of armed conflict or other forms of instability",
  "category": "common",
  "description": "Situations that place a State under stress and generate an environment conducive to atrocity crimes.",
  "indicators": [
   {
    "code": "1.1",
    "text": "International or non-international armed conflict."
   },
   {
    "code": "1.2",
    "text": "Security crisis caused by, among other factors, defection from peace agreements, armed conflict in neighbouring countries, threats of external interventions or acts of terrorism."
   },
   {
    "code": "1.3",
    "text": "Humanitarian crisis or emergency, including those caused by natural disasters or epidemics."
   },
   {
    "code": "1.4",
    "text": "Political instability caused by abrupt or irregular regime change or transfer of power."
   },
   {
    "code": "1.5",
    "text": "Political instability caused by disputes over power or growing nationalist, armed or radical opposition movements."
   },
   {
    "code": "1.6",
    "text": "Political tension caused by autocratic regimes or severe political repression."
   },
   {
    "code": "1.7",
    "text": "Economic instability caused by scarcity of resources or disputes over their use or exploitation."
   },
   {
    "code": "1.8",
    "text": "Economic instability caused by severe crisis in the national economy."
   },
   {
    "code": "1.9",
    "text": "Economic instability caused by acute poverty, mass unemployment or deep horizontal inequalities."
   },
   {
    "code": "1.10",
    "text": "Social instability caused by resistance to or mass protests against State authority or policies."
   },
   {
    "code": "1.11",
    "text": "Social instability caused by exclusion or tensions based on identity issues, their perception or extremist forms."
   }
  ],
  "guidance": "Start from the evidence pack: active UCDP conflicts, state-based, non-state and one-sided fatalities over the last 24 months and the forecast probability of 25 or more deaths a month. Then weigh instability the data do not capture (irregular transfers of power, contested elections, economic shocks, mass protest). Armed conflict is not required for atrocity crimes, but it is the strongest single correlate: rate it severe when large-scale violence is ongoing and worsening."
 },
 {
  "code": "2",
  "name": "Record of serious violations of international human rights and humanitarian law",
  "category": "common",
  "description": "Past or current serious violations of international human rights and humanitarian law, particularly if assuming an early pattern of conduct, and including those amounting to atrocity crimes, that have not been prevented, punished or adequately addressed and, as a result, create a risk of further violations.",
  "indicators": [
   {
    "code": "2.1",
    "text": "Past or present serious restrictions to or violations of international human rights and humanitarian law, particularly if assuming an early pattern of conduct and if targeting protected groups, populations or individuals."
   },
   {
    "code": "2.2",
    "text": "Past acts of genocide, crimes against humanity, war crimes or their incitement."
   },
   {
    "code": "2.3",
    "text": "Policy or practice of impunity for or tolerance of serious violations of international human rights and humanitarian law, of atrocity crimes, or of their incitement."
   },
   {
    "code": "2.4",
    "text": "Inaction, reluctance or refusal to use all possible means to stop planned, predictable or ongoing serious violations of international human rights and humanitarian law or likely atrocity crimes, or their incitement."
   },
   {
    "code": "2.5",
    "text": "Continuation of support to groups accused of involvement in serious violations of international human rights and humanitarian law, including atrocity crimes, or failure to condemn their actions."
   },
   {
    "code": "2.6",
    "text": "Justification, biased accounts or denial of serious violations of international human rights and humanitarian law or atrocity crimes."
   },
   {
    "code": "2.7",
    "text": "Politicization or absence of reconciliation or transitional justice processes following conflict."
   },
   {
    "code": "2.8",
    "text": "Widespread mistrust in State institutions or among different groups as a result of impunity."
   }
  ],
  "guidance": "Look for patterns, not single incidents: one-sided violence against civilians in the event record, findings of UN human rights mechanisms and commissions of inquiry, and whether past crimes were investigated and punished. Unaddressed past atrocities weigh heavily."
 },
 {
  "code": "3",
  "name": "Weakness of State structures",
  "category": "common",
  "description": "Circumstances that negatively affect the capacity of a State to prevent or halt atrocity crimes.",
  "indicators": [
   {
    "code": "3.1",
    "text": "National legal framework that does not offer ample and effective protection, including through ratification and domestication of relevant international human rights and humanitarian law treaties."
   },
   {
    "code": "3.2",
    "text": "National institutions, particularly judicial, law enforcement and human rights institutions, that lack sufficient resources, adequate representation or training."
   },
   {
    "code": "3.3",
    "text": "Lack of an independent and impartial judiciary."
   },
   {
    "code": "3.4",
    "text": "Lack of effective civilian control of security forces."
   },
   {
    "code": "3.5",
    "text": "High levels of corruption or poor governance."
   },
   {
    "code": "3.6",
    "text": "Absence or inadequate external or internal mechanisms of oversight and accountability, including those where victims can seek recourse for their claims."
   },
   {
    "code": "3.7",
    "text": "Lack of awareness of and training on international human rights and humanitarian law to military forces, irregular forces and non-State armed groups, or other relevant actors."
   },
   {
    "code": "3.8",
    "text": "Lack of capacity to ensure that means and methods of warfare comply with international humanitarian law standards."
   },
   {
    "code": "3.9",
    "text": "Lack of resources for reform or institution-building, including through regional or international support."
   },
   {
    "code": "3.10",
    "text": "Insufficient resources to implement overall measures aimed at protecting populations."
   }
  ],
  "guidance": "Use the governance indicators in the evidence pack (government effectiveness, corruption, democracy indices) as a baseline, and check civilian control of the security forces and the independence of the courts from current sources. Weak structures raise risk mostly in combination with motives and capacity (factors 4 and 5)."
 },
 {
  "code": "4",
  "name": "Motives or incentives",
  "category": "common",
  "description": "Reasons, aims or drivers that justify the use of violence against protected groups, populations or individuals, including by actors outside of State borders.",
  "indicators": [
   {
    "code": "4.1",
    "text": "Political motives, particularly those aimed at the attainment or consolidation of power."
   },
   {
    "code": "4.2",
    "text": "Economic interests, including those based on the safeguard and well-being of elites or identity groups, or control over the distribution of resources."
   },
   {
    "code": "4.3",
    "text": "Strategic or military interests, including those based on protection or seizure of territory and resources."
   },
   {
    "code": "4.4",
    "text": "Other interests, including those aimed at rendering an area homogeneous in its identity."
   },
   {
    "code": "4.5",
    "text": "Real or perceived threats posed by protected groups, populations or individuals, against interests or objectives of perpetrators, including perceptions of disloyalty to a cause."
   },
   {
    "code": "4.6",
    "text": "Membership of or support to armed opposition groups, real or perceived, by protected groups, populations or individuals."
   },
   {
    "code": "4.7",
    "text": "Ideologies based on the supremacy of a certain identity or on extremist versions of identity."
   },
   {
    "code": "4.8",
    "text": "Politicization of past grievances, tensions or impunity."
   },
   {
    "code": "4.9",
    "text": "Social trauma caused by past incidents of violence not adequately addressed and that produced feelings of loss, displacement, injustice and a possible desire for revenge."
   }
  ],
  "guidance": "Name the actors and what they stand to gain or fear. Motives are rarely stated openly: infer them from rhetoric, control of resources and territory, and the framing of groups as disloyal or as threats. Record the sources you rely on as evidence links."
 },
 {
  "code": "5",
  "name": "Capacity to commit atrocity crimes",
  "category": "common",
  "description": "Conditions that indicate the ability of relevant actors to commit atrocity crimes.",
  "indicators": [
   {
    "code": "5.1",
    "text": "Availability of personnel and of arms and ammunition, or of the financial resources, public or private, for their procurement."
   },
   {
    "code": "5.2",
    "text": "Capacity to transport and deploy personnel and to transport and distribute arms and ammunition."
   },
   {
    "code": "5.3",
    "text": "Capacity to encourage or recruit large numbers of supporters from populations or groups, and availability of the means to mobilize them."
   },
   {
    "code": "5.4",
    "text": "Strong culture of obedience to authority and group conformity."
   },
   {
    "code": "5.5",
    "text": "Presence of or links with other armed forces or with non-State armed groups."
   },
   {
    "code": "5.6",
    "text": "Presence of commercial actors or companies that can serve as enablers by providing goods, services, or other forms of practical or technical support that help sustain perpetrators."
   },
   {
    "code": "5.7",
    "text": "Financial, political or other support of influential or wealthy national actors."
   },
   {
    "code": "5.8",
    "text": "Armed, financial, logistic, training or other support of external actors, including States, international or regional organizations, private companies, or others."
   }
  ],
  "guidance": "Assess the means available to each actor with a motive: armed personnel, weapons flows, logistics, mobilisation networks and outside support. The parties named in the conflict and event records (sides A and B) are the starting list."
 },
 {
  "code": "6",
  "name": "Absence of mitigating factors",
  "category": "common",
  "description": "Absence of elements that, if present, could contribute to preventing or to lessening the impact of serious acts of violence against protected groups, populations or individuals.",
  "indicators": [
   {
    "code": "6.1",
    "text": "Limited or lack of empowerment processes, resources, allies or other elements that could contribute to the ability of protected groups, populations or individuals to protect themselves."
   },
   {
    "code": "6.2",
    "text": "Lack of a strong, organized and representative national civil society and of a free, diverse and independent national media."
   },
   {
    "code": "6.3",
    "text": "Lack of interest and focus of international civil society actors or of access to international media."
   },
   {
    "code": "6.4",
    "text": "Lack of or limited presence of the United Nations, INGOs or other international or regional actors in the country and with access to populations."
   },
   {
    "code": "6.5",
    "text": "Lack of membership and effective participation of the State in international or regional organizations that establish mandatory membership obligations."
   },
   {
    "code": "6.6",
    "text": "Lack of exposure, openness or establishment of political or economic relations with other States or organizations."
   },
   {
    "code": "6.7",
    "text": "Limited cooperation of the State with international and regional human rights mechanisms."
   },
   {
    "code": "6.8",
    "text": "Lack of incentives or willingness of parties to a conflict to engage in dialogue, make concessions and receive support from the international community."
   },
   {
    "code": "6.9",
    "text": "Lack of interest, reluctance or failure of States or international and regional organizations to support a State to exercise its responsibility to protect populations from atrocity crimes, or to take action when the State manifestly fails that responsibility."
   },
   {
    "code": "6.10",
    "text": "Lack of support by neighbouring States to protect populations at risk and in need of refuge, including by closure of borders, forced repatriation or aid restrictions."
   },
   {
    "code": "6.11",
    "text": "Lack of an early warning mechanism relevant to the prevention of atrocity crimes."
   }
  ],
  "guidance": "This factor is scored inversely: the fewer the protections, the higher the level. Consider civil society and media freedom, the international presence with access to affected populations, peace processes under way, and the open recommendations of earlier reviews that were supported but not implemented."
 },
 {
  "code": "7",
  "name": "Enabling circumstances or preparatory action",
  "category": "common",
  "description": "Events or measures, whether gradual or sudden, which provide an environment conducive to the commission of atrocity crimes, or which suggest a trajectory towards their perpetration.",
  "indicators": [
   {
    "code": "7.1",
    "text": "Imposition of emergency laws or extraordinary security measures that erode fundamental rights."
   },
   {
    "code": "7.2",
    "text": "Suspension of or interference with vital State institutions, or measures that result in changes in their composition or balance of power, particularly if this results in the exclusion or lack of representation of protected groups."
   },
   {
    "code": "7.3",
    "text": "Strengthening of the security apparatus, its reorganization or mobilization against protected groups, populations or individuals."
   },
   {
    "code": "7.4",
    "text": "Acquisition of large quantities of arms and ammunition or of other objects that could be used to inflict harm."
   },
   {
    "code": "7.5",
    "text": "Creation of, or increased support to, militia or paramilitary groups."
   },
   {
    "code": "7.6",
    "text": "Imposition of strict control on the use of communication channels, or banning access to them."
   },
   {
    "code": "7.7",
    "text": "Expulsion or refusal to allow the presence of NGOs, international organizations, media or other relevant actors, or imposition of severe restrictions on their services and movements."
   },
   {
    "code": "7.8",
    "text": "Increased violations of the right to life, physical integrity, liberty or security of members of protected groups, populations or individuals, or recent adoption of measures or legislation that affect or deliberately discriminate against them."
   },
   {
    "code": "7.9",
    "text": "Increased serious acts of violence against women and children, or creation of conditions that facilitate acts of sexual violence against those groups, including as a tool of terror."
   },
   {
    "code": "7.10",
    "text": "Imposition of life-threatening living conditions or the deportation, seizure, collection, segregation, evacuation, or forced displacement or transfer of protected groups, populations or individuals to camps, rural areas, ghettos or other assigned locations."
   },
   {
    "code": "7.11",
    "text": "Destruction or plundering of essential goods or installations for protected groups, populations or individuals, or of property related to cultural and religious identity."
   },
   {
    "code": "7.12",
    "text": "Marking of people or their property based on affiliation to a group."
   },
   {
    "code": "7.13",
    "text": "Increased politicization of identity, past events or motives to engage in violence."
   },
   {
    "code": "7.14",
    "text": "Increased inflammatory rhetoric, propaganda campaigns or hate speech targeting protected groups, populations or individuals."
   }
  ],
  "guidance": "The factor closest to early warning: it describes a trajectory. Compare recent months with the country's own record (the evidence pack shows the 24-month series) and look for new measures such as emergency laws, militia formation, internet shutdowns, expulsion of observers and hate speech. A severe rating here should normally raise an alert."
 },
 {
  "code": "8",
  "name": "Triggering factors",
  "category": "common",
  "description": "Events or circumstances that, even if seemingly unrelated to atrocity crimes, may seriously exacerbate existing conditions or may spark their onset.",
  "indicators": [
   {
    "code": "8.1",
    "text": "Sudden deployment of security forces or commencement of armed hostilities."
   },
   {
    "code": "8.2",
    "text": "Spillover of armed conflicts or serious tensions in neighbouring countries."
   },
   {
    "code": "8.3",
    "text": "Measures taken by the international community perceived as threatening to a State's sovereignty."
   },
   {
    "code": "8.4",
    "text": "Abrupt or irregular regime changes, transfers of power, or changes in political power of groups."
   },
   {
    "code": "8.5",
    "text": "Attacks against the life, physical integrity, liberty or security of leaders, prominent individuals or members of opposing groups; other serious acts of violence, such as terrorist attacks."
   },
   {
    "code": "8.6",
    "text": "Religious events or real or perceived acts of religious intolerance or disrespect, including outside national borders."
   },
   {
    "code": "8.7",
    "text": "Acts of incitement or hate propaganda targeting particular groups or individuals."
   },
   {
    "code": "8.8",
    "text": "Census, elections, pivotal activities related to those processes, or measures that destabilize them."
   },
   {
    "code": "8.9",
    "text": "Sudden changes that affect the economy or the workforce, including as a result of financial crises, natural disasters or epidemics."
   },
   {
    "code": "8.10",
    "text": "Discovery of natural resources or launching of exploitation projects that have a serious impact on the livelihoods and sustainability of groups or civilian populations."
   },
   {
    "code": "8.11",
    "text": "Commemoration events of past crimes or of traumatic or historical episodes that can exacerbate tensions between groups, including the glorification of perpetrators of atrocities."
   },
   {
    "code": "8.12",
    "text": "Acts related to accountability processes, particularly when perceived as unfair."
   }
  ],
  "guidance": "List the known dates ahead (elections, census, commemorations, verdicts, mandate renewals) and any sudden shocks. Triggers matter most where factors 1 to 7 are already high; write them as indicators to watch in a scenario."
 },
 {
  "code": "9",
  "name": "Intergroup tensions or patterns of discrimination against protected groups",
  "category": "genocide",
  "description": "Past or present conduct that reveals serious prejudice against protected groups and that creates stress in the relationship among groups or with the State, generating an environment conducive to atrocity crimes.",
  "indicators": [
   {
    "code": "9.1",
    "text": "Past or present serious discriminatory, segregational, restrictive or exclusionary practices, policies or legislation against protected groups."
   },
   {
    "code": "9.2",
    "text": "Denial of the existence of protected groups or of recognition of elements of their identity."
   },
   {
    "code": "9.3",
    "text": "History of atrocity crimes committed with impunity against protected groups."
   },
   {
    "code": "9.4",
    "text": "Past or present serious tensions or conflicts between protected groups or with the State, with regards to access to rights and resources, socioeconomic disparities, participation in decision making processes, security, expressions of group identity or to perceptions about the targeted group."
   },
   {
    "code": "9.5",
    "text": "Past or present serious tensions or conflicts involving other types of groups (political, social, cultural, geographical, etc.) that could develop along national, ethnical, racial or religious lines."
   },
   {
    "code": "9.6",
    "text": "Lack of national mechanisms or initiatives to deal with identity-based tensions or conflict."
   }
  ],
  "guidance": "Protected groups under the Genocide Convention are national, ethnical, racial or religious groups. Name the groups concerned and the discrimination they face in law and practice; do not infer group identity from event data alone."
 },
 {
  "code": "10",
  "name": "Signs of an intent to destroy in whole or in part a protected group",
  "category": "genocide",
  "description": "Facts or circumstances that suggest an intent, by action or omission, to destroy all or part of a protected group based on its national, ethnical, racial or religious identity, or the perception of this identity.",
  "indicators": [
   {
    "code": "10.1",
    "text": "Official documents, political manifests, media records, or any other documentation through which a direct intent, or incitement, to target a protected group is revealed, or can be inferred in a way that the implicit message could reasonably lead to the destruction of that group."
   },
   {
    "code": "10.2",
    "text": "Targeted physical elimination, rapid or gradual, of members of a protected group, including only selected parts of it, which could bring about the destruction of the group."
   },
   {
    "code": "10.3",
    "text": "Widespread or systematic discriminatory or targeted practices or violence against the lives, freedom or physical and moral integrity of a protected group, even if not yet reaching the level of elimination."
   },
   {
    "code": "10.4",
    "text": "Development of policies or measures that seriously affect the reproductive rights of women, or that contemplate the separation or forcible transfer of children belonging to protected groups."
   },
   {
    "code": "10.5",
    "text": "Resort to methods or practices of violence that are particularly harmful against or that dehumanize a protected group, that reveal an intention to cause humiliation, fear or terror to fragment the group, or that reveal an expectation that the group will be destroyed."
   },
   {
    "code": "10.6",
    "text": "Expressions of public euphoria at having control over a protected group and its existence."
   },
   {
    "code": "10.7",
    "text": "Attacks against or destruction of homes, farms, businesses or other livelihoods of a protected group and/or of their cultural or religious symbols and property."
   }
  ],
  "guidance": "Intent is the hardest element to establish and the most consequential. Record verbatim statements and documents as evidence links, and rate confidence honestly: a high level with low confidence is a legitimate and useful finding."
 },
 {
  "code": "11",
  "name": "Signs of a widespread or systematic attack against any civilian population",
  "category": "crimes_against_humanity",
  "description": "Signs of violent conduct including, but not limited to, attacks on life, physical integrity, liberty or security of any civilian population, which suggest a massive, large-scale and frequent attack, or an organized attack that is part of a regular pattern based on a common policy involving substantial public or private resources, whether or not they are part of the State.",
  "indicators": [
   {
    "code": "11.1",
    "text": "Signs of patterns of violence against civilian populations, or against members of an identifiable group, their property, livelihoods and cultural or religious symbols."
   },
   {
    "code": "11.2",
    "text": "Increase in the number of civilian populations, or of the geographical area, targeted, or in the number, types, scale or gravity of violent acts committed against civilian populations."
   },
   {
    "code": "11.3",
    "text": "Increase in the level of organization of violent acts and weaponry used against civilian populations."
   },
   {
    "code": "11.4",
    "text": "Use of the media or other means to provoke or incite to violent acts."
   },
   {
    "code": "11.5",
    "text": "Signs of violent acts committed with the involvement or acquiescence of State authorities or of the leadership of an organization."
   },
   {
    "code": "11.6",
    "text": "Signs of links between perpetrators and a State or organizational policy, or of the use of State or organizational resources to commit violent acts."
   }
  ],
  "guidance": "One-sided violence against civilians in the event record (UCDP type 3) is direct evidence for 11.1 and 11.2: look at its spread across months and places in the 24-month window. Systematic means organised and following a pattern, widespread means large-scale; either suffices."
 },
 {
  "code": "12",
  "name": "Signs of a plan or policy to attack any civilian population",
  "category": "crimes_against_humanity",
  "description": "Facts or evidence suggestive of a State or organizational policy, even if not explicitly stated or clearly and precisely formulated, to commit serious acts of violence directed against any civilian population.",
  "indicators": [
   {
    "code": "12.1",
    "text": "Official documents, political manifests, media records, or any other documentation through which the existence of a State or organizational plan or policy to target civilian populations or protected groups is revealed, or can be inferred in a way that the implicit message could reasonably lead to attacks against civilian populations."
   },
   {
    "code": "12.2",
    "text": "Adoption of discriminatory security procedures against different groups of the civilian population."
   },
   {
    "code": "12.3",
    "text": "Adoption of measures that result in the alteration of the ethnic, religious, racial or political composition of the overall population, including in defined geographical areas."
   },
   {
    "code": "12.4",
    "text": "Establishment of parallel institutions or autonomous structures, at the local or national level, to support the implementation of a plan or policy."
   },
   {
    "code": "12.5",
    "text": "Preparatory acts such as the gathering of personnel, weapons or resources, or the mapping or registration of target populations."
   },
   {
    "code": "12.6",
    "text": "Mobilization of armed forces against civilian populations."
   },
   {
    "code": "12.7",
    "text": "Widespread or systematic violence against civilian populations or protected groups that follows a consistent pattern over time or place."
   }
  ],
  "guidance": "A policy may be inferred from a consistent pattern of conduct; it need not be written down. Cross-reference with factors 7 and 11 and state which inference you draw from which evidence."
 },
 {
  "code": "13",
  "name": "Serious threats to those protected under international humanitarian law",
  "category": "war_crimes",
  "description": "Conflict-related conduct that seriously threatens the life and physical integrity of those protected under international humanitarian law.",
  "indicators": [
   {
    "code": "13.1",
    "text": "Expressions of intent, including through orders or statements, to attack civilians or other persons protected under international humanitarian law, or to give no quarter."
   },
   {
    "code": "13.2",
    "text": "Attacks directed against civilians or civilian objects, or indiscriminate or disproportionate attacks, including in populated areas."
   },
   {
    "code": "13.3",
    "text": "Use of means or methods of warfare that are prohibited, indiscriminate by nature or cause superfluous injury or unnecessary suffering."
   },
   {
    "code": "13.4",
    "text": "Killing, torture, ill-treatment or enforced disappearance of persons hors de combat, detainees or prisoners of war."
   },
   {
    "code": "13.5",
    "text": "Recruitment or use of children in hostilities, and sexual violence related to the conflict."
   },
   {
    "code": "13.6",
    "text": "Starvation of civilians as a method of warfare, forced displacement, or attacks on objects indispensable to the survival of the civilian population, on hospitals, schools, places of worship or cultural property."
   }
  ],
  "guidance": "Applies only where an armed conflict exists (see factor 1 and the active conflicts in the evidence pack). Distinguish conduct of each party; record the source and verification status of each incident you rely on."
 },
 {
  "code": "14",
  "name": "Serious threats to humanitarian or peacekeeping operations",
  "category": "war_crimes",
  "description": "Conflict-related conduct that threatens the protection provided by international humanitarian law to humanitarian assistance and peacekeeping personnel, not taking a direct part in hostilities.",
  "indicators": [
   {
    "code": "14.1",
    "text": "Attacks against personnel, installations, material, units or vehicles involved in humanitarian assistance or peacekeeping missions."
   },
   {
    "code": "14.2",
    "text": "Threats, intimidation, abduction or detention of humanitarian or peacekeeping personnel."
   },
   {
    "code": "14.3",
    "text": "Arbitrary denial of consent to, obstruction of, or severe restrictions on humanitarian access to populations in need."
   },
   {
    "code": "14.4",
    "text": "Looting, diversion or destruction of humanitarian supplies."
   },
   {
    "code": "14.5",
    "text": "Incitement or propaganda against humanitarian or peacekeeping operations or personnel."
   },
   {
    "code": "14.6",
    "text": "Improper use of the distinctive emblems or of the uniforms and insignia of humanitarian or peacekeeping operations."
   }
  ],
  "guidance": "Consult security incident reporting by humanitarian and peacekeeping actors present in the country. Access denial is often the earliest sign; record where and since when access has been impeded."
 }
]$fw$::jsonb
);

-- Default alert rules, editable by administrators: a forecast above the threshold, a jump between runs,
-- fatalities above the country's recent range and a risk factor assessed as severe.
INSERT INTO alert_rules (name, severity, definition) VALUES
  ('Forecast: 25+ deaths likely within 3 months', 'high', '{"kind":"forecast_threshold","measure":"p_ge25","threshold":0.5,"maxHorizon":3}'),
  ('Forecast: jump from the previous run', 'medium', '{"kind":"forecast_jump","measure":"p_ge25","increase":0.2,"maxHorizon":3}'),
  ('Fatalities above the recent range', 'high', '{"kind":"fatalities_above_range","lookbackMonths":24,"minFatalities":25}'),
  ('Risk factor assessed as severe', 'high', '{"kind":"risk_factor_severe","factorCodes":[]}');
