// `pnpm bench:tiles [--scale 100000] [--scale 1000000] [--no-mapserver] [--no-sample]`: tile and OGC items throughput
// of OneMap against the pgbench floor and MapServer 8, on the PostgreSQL server in BENCH_DATABASE_URL.
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { loadBenchEnv } from './env.ts'
import { floorLoad } from './floor.ts'
import { runLoad, type LoadResult } from './load.ts'
import { mapserverAvailable, startMapServer, type MapServer } from './mapserver.ts'
import { startOneMap } from './onemap-process.ts'
import { busiestTiles, sampleDatabase, syntheticDatabase, type Tile } from './setup.ts'

const env = loadBenchEnv()
const args = process.argv.slice(2)
const scales = args.flatMap((a, i) => (a === '--scale' ? [Number(args[i + 1])] : [])).filter((n) => n > 0)
const withMapServer = !args.includes('--no-mapserver') && mapserverAvailable()
const ZOOMS = [12, 14, 16]
const CONNECTIONS = [1, 8]
const work = join(tmpdir(), 'onemap-bench')

const fmt = (r: LoadResult) =>
  `${r.rps.toFixed(1).padStart(8)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p95 ${r.p95.toFixed(1).padStart(6)} ms${r.errors ? `  (${r.errors} errors)` : ''}`
const ratio = (a: LoadResult, b: LoadResult | undefined) => (b && b.rps > 0 ? (a.rps / b.rps).toFixed(2) : 'n/a')

async function measureDatabase(label: string, url: string, tiles: Map<number, Tile[]>) {
  console.log(`\n## ${label}`)
  const onemap = await startOneMap(url)
  const mapserver: MapServer | undefined = withMapServer
    ? await startMapServer(join(work, 'mapserver'), url, 4)
    : undefined
  try {
    for (const z of ZOOMS) {
      const list = tiles.get(z) ?? []
      for (const c of CONNECTIONS) {
        const path = (t: Tile) => `/tiles/road_segments/${t.z}/${t.x}/${t.y}.mvt`
        const cold = await runLoad(
          list.map((t) => `http://127.0.0.1:${onemap.cold}${path(t)}`),
          c,
          env.BENCH_SECONDS,
          { 'accept-encoding': 'gzip' },
        )
        const cachedUrls = list.map((t) => `http://127.0.0.1:${onemap.cached}${path(t)}`)
        // Warm: render and compress every tile once, so the LRU rows measure hits only.
        for (const encoding of ['gzip', 'identity'])
          await Promise.all(
            cachedUrls.map((u) => fetch(u, { headers: { 'accept-encoding': encoding } }).then((r) => r.arrayBuffer())),
          )
        const cached = await runLoad(cachedUrls, c, env.BENCH_SECONDS, { 'accept-encoding': 'gzip' })
        const cachedRaw = await runLoad(cachedUrls, c, env.BENCH_SECONDS, { 'accept-encoding': 'identity' })
        const floor = await floorLoad(url, list, c, env.BENCH_SECONDS, join(work, 'floor'))
        const ms = mapserver
          ? await runLoad(
              list.map((t) => mapserver.tileUrl(t.z, t.x, t.y)),
              c,
              env.BENCH_SECONDS,
            )
          : undefined
        console.log(`z${z} c${c}  ours (no cache) ${fmt(cold)}`)
        console.log(`z${z} c${c}  ours (LRU)      ${fmt(cached)}`)
        console.log(`z${z} c${c}  ours (LRU, raw) ${fmt(cachedRaw)}`)
        console.log(`z${z} c${c}  floor (pgbench) ${fmt(floor)}`)
        if (ms) console.log(`z${z} c${c}  MapServer 8     ${fmt(ms)}`)
        console.log(
          `z${z} c${c}  ratios: ours/floor ${ratio(cold, floor)}  ours/MapServer ${ratio(cold, ms)}  LRU/MapServer ${ratio(cached, ms)}`,
        )
      }
    }
    // Items: paging through the collection, and one bbox page (the middle of the zone).
    const offsets = [0, 100, 200]
    const bbox = '113.50,34.79,113.53,34.81'
    for (const c of CONNECTIONS) {
      const ours = await runLoad(
        offsets.map((o) => `http://127.0.0.1:${onemap.cold}/ogc/collections/road_segments/items?limit=100&offset=${o}`),
        c,
        env.BENCH_SECONDS,
      )
      const ms = mapserver
        ? await runLoad(
            offsets.map((o) => mapserver.itemsUrl(100, o)),
            c,
            env.BENCH_SECONDS,
          )
        : undefined
      const oursBox = await runLoad(
        [`http://127.0.0.1:${onemap.cold}/ogc/collections/road_segments/items?limit=100&bbox=${bbox}`],
        c,
        env.BENCH_SECONDS,
      )
      const msBox = mapserver
        ? await runLoad([`${mapserver.itemsUrl(100, 0)}&bbox=${bbox}`], c, env.BENCH_SECONDS)
        : undefined
      console.log(`items c${c}  ours OGC       ${fmt(ours)}`)
      if (ms) console.log(`items c${c}  MapServer OGC  ${fmt(ms)}`)
      console.log(`items c${c}  ratio ours/MapServer ${ratio(ours, ms)}`)
      console.log(`bbox  c${c}  ours OGC       ${fmt(oursBox)}`)
      if (msBox) console.log(`bbox  c${c}  MapServer OGC  ${fmt(msBox)}`)
      console.log(`bbox  c${c}  ratio ours/MapServer ${ratio(oursBox, msBox)}`)
    }
    console.log(`server resident memory after the run: ${onemap.rssMb().toFixed(0)} MB`)
  } finally {
    onemap.stop()
    mapserver?.stop()
  }
}

console.log(`# OneMap tile benchmark — ${new Date().toISOString()}`)
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
)
console.log(
  `${env.BENCH_SECONDS} s per scenario, ${env.BENCH_TILES} busiest tiles per zoom${withMapServer ? '' : ', MapServer not measured'}`,
)
if (!args.includes('--no-sample')) {
  const sample = await sampleDatabase(env.BENCH_DATABASE_URL)
  const sampleTiles = await busiestTiles(sample.db, ZOOMS, env.BENCH_TILES)
  await sample.db.close()
  await measureDatabase('sample data', sample.url, sampleTiles)
}
for (const n of scales) {
  const synthetic = await syntheticDatabase(env.BENCH_DATABASE_URL, n)
  const tiles = await busiestTiles(synthetic.db, ZOOMS, env.BENCH_TILES)
  await synthetic.db.close()
  await measureDatabase(`synthetic city, ${n} segments`, synthetic.url, tiles)
}
