import { execFile } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { postgisTileQuery, tilePlanning } from '@onemap/db/queries/tiles'
import { findLayer, type LayerDefinition } from '@onemap/domain/layers'
import { summarise, type LoadResult } from './load.ts'
import type { Tile } from './setup.ts'

const run = promisify(execFile)

/**
 * The floor: the very tile statement our server runs (ST_AsMVT), sent by pgbench with prepared
 * statements over the same tiles and connection count, with no HTTP, gzip or Node in the way, and
 * without sending the tile's bytes back.
 */
export async function floorLoad(
  url: string,
  tiles: Tile[],
  connections: number,
  seconds: number,
  dir: string,
): Promise<LoadResult> {
  const layer = findLayer('road_segments') as LayerDefinition
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const scripts = tiles.map((tile, i) => {
    const query = postgisTileQuery(layer, tile, {})
    // Our server takes the tile's bytes in binary; pgbench can only ask for text, where a bytea is
    // hex (twice its size, and encoded by PostgreSQL). So the floor keeps the tile's length alone:
    // the statement's whole work without sending the bytes, a floor our server cannot beat.
    const text = `SELECT v, truncated, octet_length(tile) FROM (${query.text}) t`
    const { values } = query
    // pgbench variables hold numbers only: the version sources (a list of layer ids from the
    // catalogue) go in as an array literal, which -M prepared still binds as a constant.
    const sets = values
      .map((v, j) => (Array.isArray(v) ? '' : `\\set p${j + 1} ${v}`))
      .filter(Boolean)
      .join('\n')
    const bind = (n: number) => {
      const v = values[n - 1]
      return Array.isArray(v) ? `'{${v.join(',')}}'` : `:p${n}`
    }
    const sql = text.replace(/\$(\d+)/g, (_, n) => bind(Number(n))).replace(/\s+/g, ' ')
    const file = join(dir, `tile-${i}.sql`)
    writeFileSync(file, `${sets}\n${sql};\n`)
    return `${file}@1`
  })
  const args = [
    '-n',
    '-M',
    'prepared',
    '-c',
    String(connections),
    '-j',
    String(Math.min(connections, 2)),
    '-T',
    String(seconds),
  ]
  args.push('-l', `--log-prefix=${join(dir, 'log')}`, ...scripts.flatMap((s) => ['-f', s]), url)
  // Our pool's session settings (see packages/db/src/database.ts), and planned per execution
  // at the zooms where our server sends the tile statement unnamed (tilePlanning).
  const custom = tiles[0] && tilePlanning(tiles[0]) === 'each' ? ' -c plan_cache_mode=force_custom_plan' : ''
  const env = {
    ...process.env,
    PGOPTIONS: `-c search_path=onemap,public -c jit=off -c enable_parallel_append=off${custom}`,
  }
  const { stdout } = await run('pgbench', args, { maxBuffer: 1 << 24, env })
  const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0)
  // Per-transaction log lines: client, transaction, latency in µs, script, epoch s, epoch µs.
  const latencies: number[] = []
  for (const name of readdirSync(dir).filter((f) => f.startsWith('log'))) {
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      const us = Number(line.split(' ')[2])
      if (Number.isFinite(us) && us > 0) latencies.push(us / 1000)
    }
  }
  return summarise(latencies, failed, seconds)
}
