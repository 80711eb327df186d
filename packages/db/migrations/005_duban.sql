-- 督办 (supervision): responsible units, who answers for each programme item and its investment, red/yellow
-- card thresholds, supervision orders with their steps, and attachments. Value lists mirror the `as const`
-- lists in @onemap/domain (duban.ts, statuses.ts ROLES); checks.test.ts fails if they drift.

-- A unit account (role 'unit') answers for one unit's orders only.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('viewer', 'planner', 'admin', 'unit'));

-- 责任单位: sub-district offices, zone bureaus and contractors.
CREATE TABLE units (
  id            text PRIMARY KEY CONSTRAINT units_id_format CHECK (id ~ '^[a-z0-9][a-z0-9_-]{1,63}$'),
  kind          text NOT NULL CONSTRAINT units_kind_check CHECK (kind IN ('sub_district', 'bureau', 'contractor')),
  name_zh       text NOT NULL CONSTRAINT units_name_zh_present CHECK (length(btrim(name_zh)) > 0),
  name_en       text NOT NULL,
  -- The sub-district a 街道办 is responsible for (NBS code); null for bureaus and contractors.
  sub_district  text,
  contact_name  text,
  contact_phone text,
  is_sample     boolean NOT NULL DEFAULT false,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  updated_by    text NOT NULL
);

-- No CHECK ties role 'unit' to a unit id: accounts are made in two steps (account, then its unit), and a
-- unit account without a unit is refused by the API, which is the safe reading.
ALTER TABLE users ADD COLUMN unit_id text REFERENCES units (id);

-- Who answers for a programme item and what it costs (万元). One row per item that has any of it.
CREATE TABLE item_responsibility (
  entity               text NOT NULL CONSTRAINT item_responsibility_entity_check CHECK (entity IN ('road_segment', 'road', 'facility')),
  entity_id            text NOT NULL,
  lead_unit            text REFERENCES units (id),
  co_units             text[] NOT NULL DEFAULT '{}',
  planned_investment   numeric(14, 2) CONSTRAINT item_responsibility_planned_nonneg CHECK (planned_investment >= 0),
  completed_investment numeric(14, 2) CONSTRAINT item_responsibility_completed_nonneg CHECK (completed_investment >= 0),
  funding_source       text,
  -- True for the invented sample values the seed writes; the drawer labels them.
  is_sample            boolean NOT NULL DEFAULT false,
  version              integer NOT NULL DEFAULT 1,
  updated_at           timestamptz NOT NULL DEFAULT now(),
  updated_by           text NOT NULL,
  PRIMARY KEY (entity, entity_id)
);
CREATE INDEX item_responsibility_lead_idx ON item_responsibility (lead_unit);

-- The card thresholds (days), one row, edited by admins. See docs/cards.md.
CREATE TABLE card_thresholds (
  id             boolean PRIMARY KEY DEFAULT true CONSTRAINT card_thresholds_one_row CHECK (id),
  yellow_days    integer NOT NULL CHECK (yellow_days >= 0),
  red_days       integer NOT NULL,
  due_soon_days  integer NOT NULL CHECK (due_soon_days >= 0),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  updated_by     text NOT NULL,
  CONSTRAINT card_thresholds_order CHECK (red_days > yellow_days)
);
INSERT INTO card_thresholds (yellow_days, red_days, due_soon_days, updated_by) VALUES (30, 90, 3, 'migration');

-- 督办单: what is asked of which unit by when, on one or several items.
CREATE TABLE orders (
  id          bigserial PRIMARY KEY,
  unit_id     text NOT NULL REFERENCES units (id),
  request     text NOT NULL CONSTRAINT orders_request_present CHECK (length(btrim(request)) > 0),
  due_on      date NOT NULL,
  state       text NOT NULL CONSTRAINT orders_state_check CHECK (state IN ('issued', 'acknowledged', 'done', 'returned', 'accepted')),
  issued_by   text NOT NULL,
  issued_at   timestamptz NOT NULL DEFAULT now(),
  version     integer NOT NULL DEFAULT 1,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_unit_idx ON orders (unit_id, state);

CREATE TABLE order_items (
  order_id   bigint NOT NULL REFERENCES orders (id),
  entity     text NOT NULL CONSTRAINT order_items_entity_check CHECK (entity IN ('road_segment', 'road', 'facility')),
  entity_id  text NOT NULL,
  PRIMARY KEY (order_id, entity, entity_id)
);
CREATE INDEX order_items_item_idx ON order_items (entity, entity_id);

-- The 督办 audit trail: every order step and every edit of units, investment, attachments and thresholds.
-- Append-only like status_events.
CREATE TABLE duban_log (
  id           bigserial PRIMARY KEY,
  action       text NOT NULL CONSTRAINT duban_log_action_check CHECK (action IN (
                 'issue', 'acknowledge', 'reply', 'done', 'accept', 'send_back',
                 'responsibility', 'attachment', 'publish', 'unpublish', 'thresholds')),
  order_id     bigint REFERENCES orders (id),
  -- The unit concerned (an order's unit, an item's lead unit): live events reach that unit's accounts.
  unit_id      text,
  entity       text,
  entity_id    text,
  from_state   text,
  to_state     text,
  actor        text NOT NULL,
  note         text,
  recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX duban_log_order_idx ON duban_log (order_id, id);
CREATE INDEX duban_log_item_idx ON duban_log (entity, entity_id, id);

CREATE FUNCTION duban_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'duban_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER duban_log_no_update_delete BEFORE UPDATE OR DELETE ON duban_log
  FOR EACH ROW EXECUTE FUNCTION duban_log_refuse_change();
CREATE TRIGGER duban_log_no_truncate BEFORE TRUNCATE ON duban_log
  FOR EACH STATEMENT EXECUTE FUNCTION duban_log_refuse_change();

-- Announced on COMMIT like status events, on a channel of its own: order text never reaches the public stream.
CREATE FUNCTION notify_duban_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('onemap_duban', json_build_object(
    'id', NEW.id, 'action', NEW.action, 'order_id', NEW.order_id, 'unit_id', NEW.unit_id,
    'entity', NEW.entity, 'entity_id', NEW.entity_id, 'from', NEW.from_state, 'to', NEW.to_state)::text);
  RETURN NULL;
END
$$;
CREATE TRIGGER duban_log_notify AFTER INSERT ON duban_log
  FOR EACH ROW EXECUTE FUNCTION notify_duban_event();

-- Photos and documents on an item, optionally part of an order reply. Stored in the database (bytea) so
-- both backends and every backup carry them; the type is told from the content, never the name.
CREATE TABLE attachments (
  id              bigserial PRIMARY KEY,
  entity          text NOT NULL CONSTRAINT attachments_entity_check CHECK (entity IN ('road_segment', 'road', 'facility')),
  entity_id       text NOT NULL,
  order_id        bigint REFERENCES orders (id),
  file_name       text NOT NULL CONSTRAINT attachments_file_name_plain CHECK (file_name !~ '[/\\]'),
  media_type      text NOT NULL CONSTRAINT attachments_media_type_check CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  byte_size       integer NOT NULL CHECK (byte_size > 0),
  sha256          text NOT NULL,
  content         bytea NOT NULL,
  thumbnail       bytea,
  width           integer,
  height          integer,
  taken_at        timestamptz,
  gps_lon         double precision,
  gps_lat         double precision,
  -- Metres from the photo's GPS position to the item's geometry (on the ellipsoid), when both are known.
  gps_distance_m  double precision,
  is_public       boolean NOT NULL DEFAULT false,
  uploaded_by     text NOT NULL,
  uploaded_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attachments_item_idx ON attachments (entity, entity_id);
CREATE INDEX attachments_order_idx ON attachments (order_id);
