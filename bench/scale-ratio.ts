// `pnpm bench:tiles:ratio [--zoom 14] [--connections 1] [--rounds 6] --scale 100000 --scale 1000000`: cold tile
// latency of one zoom at two synthetic scales, in alternating rounds, so both see the same machine load.
// Issue 19's goal: z14 p95 at 1M ≤ 2× its p95 at 100k (a tile's cost bounded by its budget, not the table).
import { loadavg } from 'node:os'
import { loadBenchEnv } from './env.ts'
import { runLoad, type LoadResult } from './load.ts'
import { startOneMap, type OneMapProcess } from './onemap-process.ts'
import { busiestTiles, syntheticDatabase } from './setup.ts'

const env = loadBenchEnv()
const args = process.argv.slice(2)
const option = (name: string, fallback: number) =>
  args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback
const [small, large] = args.flatMap((a, i) => (a === '--scale' ? [Number(args[i + 1])] : [])).filter((n) => n > 0)
if (!small || !large) throw new Error('Give two scales: --scale 100000 --scale 1000000')
const zoom = option('--zoom', 14)
const connections = option('--connections', 1)
const rounds = option('--rounds', 6)
if (![zoom, connections, rounds].every((n) => Number.isInteger(n) && n > 0))
  throw new Error('--zoom, --connections and --rounds take positive integers')

async function prepare(segments: number): Promise<{ server: OneMapProcess; urls: string[] }> {
  const synthetic = await syntheticDatabase(env.BENCH_DATABASE_URL, segments)
  const tiles = (await busiestTiles(synthetic.db, [zoom], env.BENCH_TILES)).get(zoom) ?? []
  await synthetic.db.close()
  const server = await startOneMap(synthetic.url)
  return {
    server,
    urls: tiles.map((t) => `http://127.0.0.1:${server.cold}/tiles/road_segments/${t.z}/${t.x}/${t.y}.mvt`),
  }
}

const a = await prepare(small)
const b = await prepare(large)
const fmt = (r: LoadResult) =>
  `p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms  (${r.requests} tiles)`
console.log(
  `# z${zoom} cold tiles, ${connections} connection(s), ${env.BENCH_SECONDS} s per scale and round, ${env.BENCH_TILES} busiest tiles`,
)
const ratios: number[] = []
try {
  // One pass over each list first: connections, prepared statements and caches are warm in both.
  for (const s of [a, b]) await runLoad(s.urls, connections, 1, { 'accept-encoding': 'gzip' })
  for (let round = 1; round <= rounds; round++) {
    // Alternate which scale goes first, so a load spike does not always land on the same one.
    const order = round % 2 ? [a, b] : [b, a]
    const result = new Map<OneMapProcess, LoadResult>()
    for (const s of order)
      result.set(s.server, await runLoad(s.urls, connections, env.BENCH_SECONDS, { 'accept-encoding': 'gzip' }))
    const ra = result.get(a.server) as LoadResult
    const rb = result.get(b.server) as LoadResult
    ratios.push(rb.p95 / ra.p95)
    console.log(
      `round ${round}  load ${loadavg()[0]?.toFixed(1)}  ${small}: ${fmt(ra)}  ${large}: ${fmt(rb)}  p95 ratio ${(rb.p95 / ra.p95).toFixed(2)}`,
    )
  }
} finally {
  a.server.stop()
  b.server.stop()
}
const sorted = [...ratios].sort((x, y) => x - y)
console.log(
  `median p95 ratio ${large}/${small}: ${(sorted[sorted.length >> 1] as number).toFixed(2)} (rounds: ${ratios.map((r) => r.toFixed(2)).join(', ')})`,
)
