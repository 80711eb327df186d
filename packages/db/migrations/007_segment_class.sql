-- Tiles at city scale (issue 19): the road class on each segment, and one spatial index per class.
--
-- A dense tile fills its feature budget class by class (docs/tiles.md). With the class on the road
-- only, a tile had to read every segment in its box and join its road to learn the class before it
-- could choose; with the class on the segment and an index per class, the tile statement reads the
-- classes in priority order and stops once the budget is full, so its cost follows the budget, not
-- the number of segments in the box.

-- The road stays the owner of the class: a segment's copy is set from its road on every insert and
-- on every change of road_id (or of the copy itself), and a road's new class is copied to its
-- segments in the same statement, so the two never disagree.
ALTER TABLE road_segments ADD COLUMN class text;
UPDATE road_segments s SET class = r.class FROM roads r WHERE r.id = s.road_id;
ALTER TABLE road_segments ALTER COLUMN class SET NOT NULL;

CREATE FUNCTION road_segment_class_from_road() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT r.class INTO NEW.class FROM roads r WHERE r.id = NEW.road_id;
  -- Said here, as the foreign key would say it: otherwise the NOT NULL on class would speak first.
  IF NOT FOUND THEN
    RAISE EXCEPTION 'No road with id % for road segment %', quote_literal(NEW.road_id), quote_literal(NEW.id)
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER road_segments_class_from_road BEFORE INSERT OR UPDATE OF road_id, class ON road_segments
  FOR EACH ROW EXECUTE FUNCTION road_segment_class_from_road();

CREATE FUNCTION road_class_to_segments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE road_segments SET class = NEW.class WHERE road_id = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER roads_class_to_segments AFTER UPDATE OF class ON roads
  FOR EACH ROW WHEN (OLD.class IS DISTINCT FROM NEW.class) EXECUTE FUNCTION road_class_to_segments();

-- One GiST index on the tile geometry per class (the values of roads_class_check). A tile reads the
-- classes its zoom shows one after another, each from its own index, until the budget is full. The
-- index over all segments (road_segments_geom_3857_idx) stays for readers that do not choose by class.
CREATE INDEX road_segments_expressway_3857_idx ON road_segments USING gist (geom_3857) WHERE class = 'expressway';
CREATE INDEX road_segments_arterial_3857_idx ON road_segments USING gist (geom_3857) WHERE class = 'arterial';
CREATE INDEX road_segments_secondary_3857_idx ON road_segments USING gist (geom_3857) WHERE class = 'secondary';
CREATE INDEX road_segments_branch_3857_idx ON road_segments USING gist (geom_3857) WHERE class = 'branch';
