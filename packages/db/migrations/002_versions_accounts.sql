-- Layer versions, change notifications and planner accounts.

-- Every write to a layer's table bumps that layer's version. Tile URLs and caches are keyed by it, so an
-- edit makes clients fetch fresh tiles without any purge.
CREATE TABLE layer_versions (
  layer       text PRIMARY KEY,
  version     bigint NOT NULL DEFAULT 1,
  changed_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO layer_versions (layer) VALUES
  ('zone_boundary'), ('sub_districts'), ('renewal_zones'), ('renewal_units'), ('roads'),
  ('road_segments'), ('facilities'), ('rivers'), ('water_bodies');

-- Statement-level, so a bulk import bumps the version once, not once per row. The layer id is the
-- table name (TG_TABLE_NAME), which the catalogue in @onemap/domain/layers lists.
CREATE FUNCTION bump_layer_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v bigint;
BEGIN
  UPDATE layer_versions SET version = version + 1, changed_at = now()
    WHERE layer = TG_TABLE_NAME RETURNING version INTO v;
  PERFORM pg_notify('onemap_layers', json_build_object('layer', TG_TABLE_NAME, 'version', v)::text);
  RETURN NULL;
END
$$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['zone_boundary', 'sub_districts', 'renewal_zones', 'renewal_units', 'roads',
                           'road_segments', 'facilities', 'rivers', 'water_bodies'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_layer_version()', t || '_bump_version', t);
  END LOOP;
END
$$;

-- Each status event is announced to listeners (live updates) in the transaction that writes it: the
-- notification is delivered on COMMIT and never for a rolled-back edit.
CREATE FUNCTION notify_status_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('onemap_events', json_build_object(
    'id', NEW.id, 'entity', NEW.entity, 'entity_id', NEW.entity_id,
    'from', NEW.from_status, 'to', NEW.to_status, 'happened_on', NEW.happened_on, 'kind', NEW.kind)::text);
  RETURN NULL;
END
$$;
CREATE TRIGGER status_events_notify AFTER INSERT ON status_events
  FOR EACH ROW EXECUTE FUNCTION notify_status_event();

CREATE TABLE users (
  id             bigserial PRIMARY KEY,
  name           text NOT NULL UNIQUE CONSTRAINT users_name_format CHECK (name ~ '^[A-Za-z0-9_.-]{2,64}$'),
  role           text NOT NULL CONSTRAINT users_role_check CHECK (role IN ('viewer', 'planner', 'admin')),
  password_hash  text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  disabled_at    timestamptz
);

CREATE TABLE sessions (
  -- SHA-256 of the cookie token: a leaked table does not hand out live sessions.
  token_hash   text PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expiry_idx ON sessions (expires_at);
