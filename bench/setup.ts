import { openDatabase, type Database } from '@onemap/db/database'
import { migrate } from '@onemap/db/migrate'
import { seedIfEmpty } from '@onemap/seeds/seed'
import pg from 'pg'

function withDatabase(url: string, name: string): string {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

/** Creates database `name` on the server when missing; returns its URL. */
async function ensureDatabase(adminUrl: string, name: string): Promise<{ url: string; created: boolean }> {
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (exists.rows.length === 0) await admin.query(`CREATE DATABASE ${name}`)
    return { url: withDatabase(adminUrl, name), created: exists.rows.length === 0 }
  } finally {
    await admin.end()
  }
}

/** The seeded sample database the benchmark measures (reused between runs). */
export async function sampleDatabase(adminUrl: string): Promise<{ db: Database; url: string }> {
  const { url } = await ensureDatabase(adminUrl, 'onemap_bench')
  const db = await openDatabase({ url, dataDir: '' })
  await migrate(db)
  await seedIfEmpty(db)
  return { db, url }
}

/**
 * A synthetic city of `segments` road segments: a regular street grid over the zone's extent,
 * half east–west and half north–south, each street cut into equal segments. It lives in its own
 * database so it never mixes with the sample data.
 */
export async function syntheticDatabase(adminUrl: string, segments: number): Promise<{ db: Database; url: string }> {
  const { url, created } = await ensureDatabase(adminUrl, `onemap_bench_scale_${segments}`)
  const db = await openDatabase({ url, dataDir: '' })
  await migrate(db)
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM road_segments')
  if (created || rows[0]?.n !== segments) {
    const streets = Math.ceil(Math.sqrt(segments / 2))
    const perStreet = Math.ceil(segments / 2 / streets)
    await db.transaction(async (client) => {
      await client.query('TRUNCATE road_segments, roads CASCADE')
      await client.query(
        `INSERT INTO roads (id, name_zh, name_en, class, red_line_width_m)
         SELECT 'syn-' || d || '-' || s, '合成路' || d || s, 'Synthetic ' || d || ' ' || s,
                (ARRAY['expressway', 'arterial', 'secondary', 'branch'])[1 + s % 4], 30
           FROM generate_series(0, $1::int - 1) s, unnest(ARRAY['h', 'v']) d`,
        [streets],
      )
      await client.query(
        `INSERT INTO road_segments (id, road_id, geom, status, updated_by)
         SELECT 'syn-' || d || '-' || s || '-' || k, 'syn-' || d || '-' || s,
                CASE WHEN d = 'h'
                  THEN ST_MakeLine(ST_Point(113.45 + 0.15 * k / $2, 34.77 + 0.09 * (s + 0.5) / $1, 4490),
                                   ST_Point(113.45 + 0.15 * (k + 1) / $2, 34.77 + 0.09 * (s + 0.5) / $1, 4490))
                  ELSE ST_MakeLine(ST_Point(113.45 + 0.15 * (s + 0.5) / $1, 34.77 + 0.09 * k / $2, 4490),
                                   ST_Point(113.45 + 0.15 * (s + 0.5) / $1, 34.77 + 0.09 * (k + 1) / $2, 4490)) END,
                (ARRAY['planned', 'under_construction', 'completed', 'suspended'])[1 + (s + k) % 4], 'bench'
           FROM generate_series(0, $1::int - 1) s, generate_series(0, $2::int - 1) k, unnest(ARRAY['h', 'v']) d
          LIMIT $3`,
        [streets, perStreet, segments],
      )
    })
    await db.query('ANALYZE road_segments')
  }
  return { db, url }
}

export interface Tile {
  z: number
  x: number
  y: number
}

/** The `count` tiles per zoom that hold the most segment midpoints: a fixed, data-derived list. */
export async function busiestTiles(db: Database, zooms: number[], count: number): Promise<Map<number, Tile[]>> {
  const { rows } = await db.query<{ lon: number; lat: number }>(
    'SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (SELECT ST_LineInterpolatePoint(geom, 0.5) AS p FROM road_segments) m',
  )
  const out = new Map<number, Tile[]>()
  for (const z of zooms) {
    const n = 2 ** z
    const counts = new Map<string, number>()
    for (const { lon, lat } of rows) {
      const r = (lat * Math.PI) / 180
      const x = Math.floor(((lon + 180) / 360) * n)
      const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)
      counts.set(`${x}/${y}`, (counts.get(`${x}/${y}`) ?? 0) + 1)
    }
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, count)
    out.set(
      z,
      top.map(([key]) => {
        const [x, y] = key.split('/').map(Number) as [number, number]
        return { z, x, y }
      }),
    )
  }
  return out
}
