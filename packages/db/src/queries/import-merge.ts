import type pg from 'pg'
import { IMPORT_TARGETS, type ImportLayer } from './import.ts'

export interface MergeOptions {
  /** upsert: insert new ids, update known ones, keep the rest. replace: also delete ids not in the file. */
  mode: 'upsert' | 'replace'
  /** Who imported, for updated_by and the status-event log. */
  actor: string
  /** Describes the file for layer_sources and the event notes, e.g. "roads.zip (shapefile, EPSG:4547)". */
  source: string
}

export interface MergeCounts {
  inserted: number
  updated: number
  deleted: number
  /** Rows of the layer the file does not mention, left in place by an upsert. */
  kept: number
  roads?: { inserted: number; updated: number; deleted: number }
  events: number
}

// A status of an imported road segment or facility happened on its actual date where the file gives one.
const HAPPENED_ON = `COALESCE(CASE
    WHEN s.attrs->>'status' IN ('under_construction', 'started') THEN (s.attrs->>'actual_start')::date
    WHEN s.attrs->>'status' IN ('completed', 'in_service') THEN (s.attrs->>'actual_finish')::date END, current_date)`

/**
 * Merges the checked staging table into the layer inside the caller's transaction. Order matters:
 * events read the old status before the update; updates run before inserts so new rows are not updated.
 * Optional columns the file leaves out keep their stored values on update.
 */
export async function mergeStaged(
  client: pg.ClientBase,
  layer: ImportLayer,
  options: MergeOptions,
): Promise<MergeCounts> {
  const t = IMPORT_TARGETS[layer]
  const roads = layer === 'road_segments' ? await mergeRoads(client) : undefined
  let events = 0
  if (t.entity) {
    const result = await client.query(
      `INSERT INTO status_events (entity, entity_id, from_status, to_status, happened_on, actor, kind, note)
       SELECT $1, s.id, cur.status, s.attrs->>'status', ${HAPPENED_ON}, $2, 'import', $3
       FROM import_staging s LEFT JOIN ${layer} cur ON cur.id = s.id ORDER BY s.ord`,
      [t.entity, options.actor, `import of ${options.source}`],
    )
    events = result.rowCount ?? 0
  }
  const tracked = t.entity ? ', version = t.version + 1, updated_at = now(), updated_by = $1' : ''
  const riverChief =
    layer === 'rivers'
      ? ', river_chief_is_sample = CASE WHEN r.river_chief IS NULL THEN t.river_chief_is_sample ELSE false END'
      : ''
  const updated = await client.query(
    `UPDATE ${layer} AS t SET geom = s.geom, ${t.columns.map((c) => `${c} = COALESCE(r.${c}, t.${c})`).join(', ')}${tracked}${riverChief}
     FROM import_staging s CROSS JOIN LATERAL jsonb_populate_record(NULL::${layer}, s.attrs) r
     WHERE t.${t.idColumn} = s.id`,
    t.entity ? [options.actor] : [],
  )
  const defaults: Record<string, string> = { in_programme: 'true', is_real: 'true' }
  const extraColumns = t.entity ? ', updated_by' : layer === 'rivers' ? ', river_chief_is_sample' : ''
  const extraValues = t.entity ? ', $1' : layer === 'rivers' ? ', false' : ''
  const inserted = await client.query(
    `INSERT INTO ${layer} (${t.idColumn}, geom, ${t.columns.join(', ')}${extraColumns})
     SELECT s.id, s.geom, ${t.columns.map((c) => (defaults[c] ? `COALESCE(r.${c}, ${defaults[c]})` : `r.${c}`)).join(', ')}${extraValues}
     FROM import_staging s CROSS JOIN LATERAL jsonb_populate_record(NULL::${layer}, s.attrs) r
     WHERE NOT EXISTS (SELECT 1 FROM ${layer} t WHERE t.${t.idColumn} = s.id) ORDER BY s.ord`,
    t.entity ? [options.actor] : [],
  )
  const notInFile = `NOT EXISTS (SELECT 1 FROM import_staging s WHERE s.id = t.${t.idColumn})`
  let deleted = 0
  let kept = 0
  if (options.mode === 'replace') {
    // Deleting road segments or facilities leaves their status events: the log is append-only.
    deleted = (await client.query(`DELETE FROM ${layer} t WHERE ${notInFile}`)).rowCount ?? 0
    if (roads)
      roads.deleted =
        (
          await client.query(
            'DELETE FROM roads r WHERE NOT EXISTS (SELECT 1 FROM road_segments s WHERE s.road_id = r.id)',
          )
        ).rowCount ?? 0
  } else {
    kept =
      (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${layer} t WHERE ${notInFile}`)).rows[0]?.n ??
      0
  }
  for (const source of layer === 'road_segments' ? ['road_segments', 'roads'] : [layer]) {
    await client.query(
      `INSERT INTO layer_sources (layer, is_sample, source, loaded_at) VALUES ($1, false, $2, now())
       ON CONFLICT (layer) DO UPDATE SET is_sample = false, source = EXCLUDED.source, loaded_at = now()`,
      [source, options.source],
    )
  }
  return {
    inserted: inserted.rowCount ?? 0,
    updated: updated.rowCount ?? 0,
    deleted,
    kept,
    events,
    ...(roads ? { roads } : {}),
  }
}

/** Upserts the roads the segments name, taking each road's attributes from its first complete feature. */
async function mergeRoads(client: pg.ClientBase): Promise<{ inserted: number; updated: number; deleted: number }> {
  const source = `SELECT DISTINCT ON (attrs->>'road_id') attrs->>'road_id' AS id, attrs->>'road_name_zh' AS name_zh,
                         attrs->>'road_name_en' AS name_en, attrs->>'class' AS class, (attrs->>'red_line_width_m')::numeric AS width
                  FROM import_staging WHERE attrs ? 'class' AND attrs ? 'red_line_width_m'
                  ORDER BY attrs->>'road_id', ord`
  const updated = await client.query(
    `UPDATE roads r SET name_zh = COALESCE(x.name_zh, r.name_zh), name_en = COALESCE(x.name_en, x.name_zh, r.name_en),
                        class = x.class, red_line_width_m = x.width
     FROM (${source}) x WHERE r.id = x.id`,
  )
  const inserted = await client.query(
    `INSERT INTO roads (id, name_zh, name_en, class, red_line_width_m)
     SELECT x.id, x.name_zh, COALESCE(x.name_en, x.name_zh), x.class, x.width FROM (${source}) x
     WHERE NOT EXISTS (SELECT 1 FROM roads r WHERE r.id = x.id)`,
  )
  return { inserted: inserted.rowCount ?? 0, updated: updated.rowCount ?? 0, deleted: 0 }
}
