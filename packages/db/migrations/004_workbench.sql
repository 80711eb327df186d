-- Planner workbench (issue 13): revised plans beside the immutable 2020 baseline, the programme's
-- revised deadline, weekly-meeting dates, and undo links in the audit trail.

-- 调整计划: the planned_start/planned_finish columns stay the 2020 baseline; a revision is recorded
-- here under the item's version rule, with an audit event (kind 'edit') naming the reason.
ALTER TABLE road_segments
  ADD COLUMN revised_start date,
  ADD COLUMN revised_finish date,
  ADD CONSTRAINT road_segments_revised_order CHECK (revised_finish IS NULL OR revised_start IS NULL OR revised_finish >= revised_start);
ALTER TABLE facilities
  ADD COLUMN revised_start date,
  ADD COLUMN revised_finish date,
  ADD CONSTRAINT facilities_revised_order CHECK (revised_finish IS NULL OR revised_start IS NULL OR revised_finish >= revised_start);

-- A revised programme deadline set by an admin, shown next to the original and never replacing it
-- (progress and goal maths stay on programme.deadline). Append-only: the newest row is in force and
-- the rows before it are its audit trail.
CREATE TABLE programme_deadline_revisions (
  id            bigserial PRIMARY KEY,
  programme_id  text NOT NULL REFERENCES programme (id),
  deadline      date NOT NULL,
  reason        text NOT NULL CONSTRAINT programme_deadline_revisions_reason CHECK (length(btrim(reason)) >= 3),
  actor         text NOT NULL,
  recorded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX programme_deadline_revisions_idx ON programme_deadline_revisions (programme_id, id);

-- Weekly meetings (重点项目周例会) held, per programme, so "since last meeting" is one click.
CREATE TABLE meetings (
  id            bigserial PRIMARY KEY,
  programme_id  text NOT NULL REFERENCES programme (id),
  held_on       date NOT NULL,
  actor         text NOT NULL,
  recorded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meetings_programme_idx ON meetings (programme_id, held_on);

CREATE FUNCTION append_only_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER programme_deadline_revisions_append_only BEFORE UPDATE OR DELETE ON programme_deadline_revisions
  FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();

-- An undo is a new compensating event that names the event it reverses; nothing is deleted.
ALTER TABLE status_events ADD COLUMN undoes bigint REFERENCES status_events (id);
CREATE UNIQUE INDEX status_events_undoes_once ON status_events (undoes) WHERE undoes IS NOT NULL;
