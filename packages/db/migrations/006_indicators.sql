-- Indicators of the 2020 work report (城市数据一块屏): the registry, dated milestones, one value per
-- indicator and period, and an append-only audit trail that announces each change to live clients.
-- Value lists mirror @onemap/domain/indicators and indicator-periods (drift test: src/checks.test.ts).
-- Registry rows are written from the code's registry at start (syncIndicatorRegistry), not here, so a
-- corrected definition reaches existing databases without a migration.

CREATE TABLE indicators (
  id             text PRIMARY KEY CONSTRAINT indicators_id_format CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
  position       integer NOT NULL,
  category       text NOT NULL CONSTRAINT indicators_category_check CHECK (category IN
                   ('economy', 'innovation', 'enterprises', 'opening_up', 'investment', 'housing', 'services',
                    'government', 'environment', 'employment')),
  name_zh        text NOT NULL,
  name_en        text NOT NULL,
  unit           text NOT NULL,
  direction      text NOT NULL CONSTRAINT indicators_direction_check CHECK (direction IN ('>=', '<=')),
  cadence        text NOT NULL CONSTRAINT indicators_cadence_check CHECK (cadence IN ('annual', 'quarterly', 'monthly')),
  pace           text NOT NULL CONSTRAINT indicators_pace_check CHECK (pace IN ('ytd', 'trajectory', 'level')),
  allow_negative boolean NOT NULL,
  -- [{ "value": 700, "year": 2022 }, …], earliest first.
  targets        jsonb NOT NULL CONSTRAINT indicators_targets_array CHECK (jsonb_typeof(targets) = 'array'),
  definition_zh  text NOT NULL,
  definition_en  text NOT NULL,
  source         text NOT NULL
);

CREATE TABLE milestones (
  id             text PRIMARY KEY CONSTRAINT milestones_id_format CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
  position       integer NOT NULL,
  name_zh        text NOT NULL,
  name_en        text NOT NULL,
  due_on         date NOT NULL,
  definition_zh  text NOT NULL,
  definition_en  text NOT NULL,
  source         text NOT NULL,
  done_on        date,
  -- A milestone is only done with evidence (a document, a link, a meeting record).
  evidence       text CONSTRAINT milestones_done_needs_evidence CHECK ((done_on IS NULL) = (evidence IS NULL)),
  version        integer NOT NULL DEFAULT 1,
  updated_by     text NOT NULL,
  updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE indicator_values (
  indicator_id   text NOT NULL REFERENCES indicators (id),
  -- '2020', '2020-Q3' or '2020-08'; the cadence of the indicator is checked by the writer.
  period         text NOT NULL CONSTRAINT indicator_values_period_format
                   CHECK (period ~ '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$'),
  -- numeric keeps a reported 6.9 exactly 6.9.
  value          numeric NOT NULL,
  -- Generated sample values are labelled as sample everywhere they are shown.
  is_sample      boolean NOT NULL DEFAULT false,
  version        integer NOT NULL DEFAULT 1,
  updated_by     text NOT NULL,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator_id, period)
);

CREATE TABLE indicator_events (
  id           bigserial PRIMARY KEY,
  subject      text NOT NULL CONSTRAINT indicator_events_subject_check CHECK (subject IN ('indicator', 'milestone')),
  subject_id   text NOT NULL,
  -- The period of an indicator value; null for a milestone.
  period       text,
  -- Old and new value as text (a number, or a milestone's done date); null when there was none.
  from_value   text,
  to_value     text,
  kind         text NOT NULL CONSTRAINT indicator_events_kind_check CHECK (kind IN ('edit', 'correction', 'import', 'seed')),
  actor        text NOT NULL,
  note         text,
  recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX indicator_events_subject_idx ON indicator_events (subject, subject_id, id);

-- Append-only like status_events: the trail refuses UPDATE, DELETE and TRUNCATE for every role.
CREATE FUNCTION indicator_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'indicator_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER indicator_events_no_update_delete BEFORE UPDATE OR DELETE ON indicator_events
  FOR EACH ROW EXECUTE FUNCTION indicator_events_refuse_change();
CREATE TRIGGER indicator_events_no_truncate BEFORE TRUNCATE ON indicator_events
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_events_refuse_change();

-- Each change is announced on COMMIT (never for a rolled-back one); the payload names what changed.
CREATE FUNCTION notify_indicator_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('onemap_indicators', json_build_object(
    'id', NEW.id, 'subject', NEW.subject, 'subject_id', NEW.subject_id, 'period', NEW.period,
    'from', NEW.from_value, 'to', NEW.to_value, 'kind', NEW.kind)::text);
  RETURN NULL;
END
$$;
CREATE TRIGGER indicator_events_notify AFTER INSERT ON indicator_events
  FOR EACH ROW EXECUTE FUNCTION notify_indicator_event();
