-- OneMap base schema.
-- Geometry is stored in EPSG:4490 (CGCS2000 geographic), the national datum of government geodata.
-- Each spatial table also carries a generated EPSG:3857 copy so tile queries never transform per request.
-- Status and kind values mirror the `as const` lists in @onemap/domain (statuses.ts).

CREATE TABLE programme (
  id            text PRIMARY KEY,
  name_zh       text NOT NULL,
  name_en       text NOT NULL,
  window_start  date NOT NULL,
  deadline      date NOT NULL,
  source        text NOT NULL,
  goals         jsonb NOT NULL DEFAULT '[]',
  targets       jsonb NOT NULL DEFAULT '[]',
  CONSTRAINT programme_deadline_after_start CHECK (deadline > window_start)
);

-- Where each layer's rows came from, so the UI can say "sample data" until authoritative data is imported.
CREATE TABLE layer_sources (
  layer        text PRIMARY KEY,
  is_sample    boolean NOT NULL,
  source       text NOT NULL,
  loaded_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE zone_boundary (
  id        text PRIMARY KEY,
  code      text NOT NULL,
  name_zh   text NOT NULL,
  name_en   text NOT NULL,
  geom      geometry(MultiPolygon, 4490) NOT NULL,
  geom_3857 geometry(MultiPolygon, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED
);

CREATE TABLE sub_districts (
  code      text PRIMARY KEY,
  name_zh   text NOT NULL,
  name_en   text NOT NULL,
  geom      geometry(MultiPolygon, 4490) NOT NULL,
  geom_3857 geometry(MultiPolygon, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED
);

CREATE TABLE renewal_zones (
  id        text PRIMARY KEY,
  name_zh   text NOT NULL,
  name_en   text NOT NULL,
  geom      geometry(MultiPolygon, 4490) NOT NULL,
  geom_3857 geometry(MultiPolygon, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
  -- Area in EPSG:4547 (CGCS2000 Gauss-Krüger, CM 114°E), the projection planning offices measure in.
  area_km2  double precision GENERATED ALWAYS AS (ST_Area(ST_Transform(geom, 4547)) / 1e6) STORED
);

CREATE TABLE renewal_units (
  id        text PRIMARY KEY,
  zone_id   text NOT NULL REFERENCES renewal_zones (id) ON DELETE CASCADE,
  name_zh   text NOT NULL,
  name_en   text NOT NULL,
  geom      geometry(MultiPolygon, 4490) NOT NULL,
  geom_3857 geometry(MultiPolygon, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
  area_km2  double precision GENERATED ALWAYS AS (ST_Area(ST_Transform(geom, 4547)) / 1e6) STORED
);

CREATE TABLE roads (
  id                text PRIMARY KEY,
  name_zh           text NOT NULL,
  name_en           text NOT NULL,
  class             text NOT NULL CONSTRAINT roads_class_check
                      CHECK (class IN ('expressway', 'arterial', 'secondary', 'branch')),
  red_line_width_m  numeric(6, 1) NOT NULL CONSTRAINT roads_red_line_width_positive CHECK (red_line_width_m > 0)
);

CREATE TABLE road_segments (
  id              text PRIMARY KEY,
  road_id         text NOT NULL REFERENCES roads (id),
  geom            geometry(LineString, 4490) NOT NULL,
  geom_3857       geometry(LineString, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
  -- Metres on the CGCS2000 ellipsoid (geography), never degrees.
  length_m        double precision GENERATED ALWAYS AS (ST_Length(geom::geography)) STORED,
  status          text NOT NULL CONSTRAINT road_segments_status_check
                    CHECK (status IN ('planned', 'under_construction', 'completed', 'suspended')),
  planned_start   date,
  planned_finish  date,
  actual_start    date,
  actual_finish   date,
  -- False for context that existed before the programme window; goal maths count only programme items.
  in_programme    boolean NOT NULL DEFAULT true,
  version         integer NOT NULL DEFAULT 1,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  updated_by      text NOT NULL,
  CONSTRAINT road_segments_planned_order CHECK (planned_finish IS NULL OR planned_start IS NULL OR planned_finish >= planned_start),
  CONSTRAINT road_segments_actual_order CHECK (actual_finish IS NULL OR actual_start IS NULL OR actual_finish >= actual_start)
);
CREATE INDEX road_segments_road_idx ON road_segments (road_id);
CREATE INDEX road_segments_status_idx ON road_segments (status);

CREATE TABLE facilities (
  id              text PRIMARY KEY,
  kind            text NOT NULL CONSTRAINT facilities_kind_check
                    CHECK (kind IN ('school', 'kindergarten', 'hospital', 'clinic', 'public_health')),
  name_zh         text NOT NULL,
  name_en         text NOT NULL,
  geom            geometry(Point, 4490) NOT NULL,
  geom_3857       geometry(Point, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
  capacity        integer CONSTRAINT facilities_capacity_positive CHECK (capacity IS NULL OR capacity > 0),
  capacity_unit   text CONSTRAINT facilities_capacity_unit_check CHECK (capacity_unit IN ('seats', 'beds', 'places')),
  status          text NOT NULL CONSTRAINT facilities_status_check
                    CHECK (status IN ('planned', 'started', 'completed', 'in_service', 'suspended')),
  planned_start   date,
  planned_finish  date,
  actual_start    date,
  actual_finish   date,
  -- True for a real institution placed from a reference point; false for an invented sample facility.
  is_real         boolean NOT NULL DEFAULT false,
  -- False for facilities in service before the programme window (context, not a goal item).
  in_programme    boolean NOT NULL DEFAULT true,
  version         integer NOT NULL DEFAULT 1,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  updated_by      text NOT NULL,
  CONSTRAINT facilities_planned_order CHECK (planned_finish IS NULL OR planned_start IS NULL OR planned_finish >= planned_start),
  CONSTRAINT facilities_actual_order CHECK (actual_finish IS NULL OR actual_start IS NULL OR actual_finish >= actual_start)
);
CREATE INDEX facilities_status_idx ON facilities (status);

CREATE TABLE rivers (
  id                text PRIMARY KEY,
  name_zh           text NOT NULL,
  name_en           text NOT NULL,
  geom              geometry(MultiLineString, 4490) NOT NULL,
  geom_3857         geometry(MultiLineString, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
  river_chief       text,
  river_chief_is_sample boolean NOT NULL DEFAULT true,
  note              text
);

CREATE TABLE water_bodies (
  id        text PRIMARY KEY,
  name_zh   text NOT NULL,
  name_en   text NOT NULL,
  geom      geometry(MultiPolygon, 4490) NOT NULL,
  geom_3857 geometry(MultiPolygon, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED
);

-- GiST indexes on both the stored and the tile geometry.
CREATE INDEX zone_boundary_geom_idx ON zone_boundary USING gist (geom);
CREATE INDEX sub_districts_geom_idx ON sub_districts USING gist (geom);
CREATE INDEX sub_districts_geom_3857_idx ON sub_districts USING gist (geom_3857);
CREATE INDEX renewal_zones_geom_idx ON renewal_zones USING gist (geom);
CREATE INDEX renewal_units_geom_idx ON renewal_units USING gist (geom);
CREATE INDEX renewal_units_geom_3857_idx ON renewal_units USING gist (geom_3857);
CREATE INDEX road_segments_geom_idx ON road_segments USING gist (geom);
CREATE INDEX road_segments_geom_3857_idx ON road_segments USING gist (geom_3857);
CREATE INDEX facilities_geom_idx ON facilities USING gist (geom);
CREATE INDEX facilities_geom_3857_idx ON facilities USING gist (geom_3857);
CREATE INDEX rivers_geom_idx ON rivers USING gist (geom);
CREATE INDEX rivers_geom_3857_idx ON rivers USING gist (geom_3857);
CREATE INDEX water_bodies_geom_3857_idx ON water_bodies USING gist (geom_3857);

-- The audit trail (强制留痕): one row per status change, written in the same transaction as the change.
CREATE TABLE status_events (
  id           bigserial PRIMARY KEY,
  entity       text NOT NULL CONSTRAINT status_events_entity_check CHECK (entity IN ('road_segment', 'facility')),
  entity_id    text NOT NULL,
  from_status  text,
  to_status    text NOT NULL,
  -- When the change happened on site (may be back-dated); recorded_at is when it was entered.
  happened_on  date NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  actor        text NOT NULL,
  kind         text NOT NULL CONSTRAINT status_events_kind_check
                 CHECK (kind IN ('edit', 'correction', 'import', 'seed', 'split')),
  note         text
);
CREATE INDEX status_events_entity_idx ON status_events (entity, entity_id, happened_on);
CREATE INDEX status_events_recorded_idx ON status_events (recorded_at);

-- Append-only: the log refuses UPDATE, DELETE and TRUNCATE for every role, owner included.
CREATE FUNCTION status_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'status_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER status_events_no_update_delete BEFORE UPDATE OR DELETE ON status_events
  FOR EACH ROW EXECUTE FUNCTION status_events_refuse_change();
CREATE TRIGGER status_events_no_truncate BEFORE TRUNCATE ON status_events
  FOR EACH STATEMENT EXECUTE FUNCTION status_events_refuse_change();
