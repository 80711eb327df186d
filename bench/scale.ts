// `pnpm bench:scale` (issue 16): OneMap scaled out on this machine, all on loopback and started and
// stopped here: PostgreSQL primary + pg_basebackup streaming replica, nginx with deploy/nginx/onemap.conf,
// 1 → 2 → 3 OneMap processes (the real main.ts). Measures tile throughput and p95 through nginx with and
// without its proxy_cache, edit → SSE p95 with 200 subscribers spread over the processes, and what
// clients see when a process is killed, the replica stops or lags, the primary restarts, nginx restarts.
// Ports 5600–5699 (BENCH_SCALE_PORTS=from-to to change), folders /tmp/onemap-scale-*.
import { cpus, freemem, loadavg, totalmem } from 'node:os'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { LiveSubscriber } from '@onemap/server/testing/live-subscriber'
import {
  editSegment,
  eventIdsAfter,
  plannedSegments,
  portOf,
  signIn,
  startCluster,
  tilePath,
  tileVersion,
  type OneMapCluster,
  type SegmentAt,
} from '@onemap/server/testing/cluster'
import { caughtUp, pauseReplay, resumeReplay } from '@onemap/server/testing/pg-cluster'
import { runLoad, summarise, type LoadResult } from './load.ts'

const [portFrom, portTo] = (process.env.BENCH_SCALE_PORTS ?? '5600-5699').split('-').map(Number) as [number, number]
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8)
const CONNECTIONS = 16
const SUBSCRIBERS = 200
const SSE_EDITS = 30
const PASSWORD = 'bench-scale-password'
/** The zone's extent (west, south, east, north), as TileJSON's default bounds. */
const ZONE = [113.45, 34.77, 113.6, 34.86] as const

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')
const say = (line: string) => console.log(line)
const fmt = (r: LoadResult) =>
  `${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, errors ${r.errors}`

/** Resident memory of a process in MiB. */
function residentMiB(pid: number | undefined): number {
  const kb = pid === undefined ? undefined : /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
  return Math.round(Number(kb) / 1024)
}

/** Every tile of `z` over the zone. */
function zoneTiles(layer: string, z: number, version: number): string[] {
  const first = tilePath(layer, ZONE[0], ZONE[3], z).split('/')
  const last = tilePath(layer, ZONE[2], ZONE[1], z).split('/')
  const [x0, y0, x1, y1] = [
    Number(first[4]),
    parseInt(first[5] as string),
    Number(last[4]),
    parseInt(last[5] as string),
  ]
  const urls: string[] = []
  for (let x = x0; x <= x1; x++)
    for (let y = y0; y <= y1; y++) urls.push(`/tiles/${layer}/${z}/${x}/${y}.mvt?v=${version}`)
  return urls
}

function shuffled<T>(items: T[]): T[] {
  const a = [...items]
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[a[i], a[j]] = [a[j] as T, a[i] as T]
  }
  return a
}

const GZIP = { 'accept-encoding': 'gzip' }

/** Requests every URL once over `connections` connections; the timings of a fixed amount of work. */
async function requestEach(urls: string[], connections: number): Promise<LoadResult> {
  let next = 0
  let errors = 0
  const latencies: number[] = []
  const started = performance.now()
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < urls.length) {
        const t = performance.now()
        const res = await fetch(urls[next++] as string, { headers: GZIP }).catch(() => undefined)
        await res?.arrayBuffer()
        if (res && (res.status === 200 || res.status === 204)) latencies.push(performance.now() - t)
        else errors++
      }
    }),
  )
  return summarise(latencies, errors, (performance.now() - started) / 1000)
}

say(`# bench:scale — ${new Date().toISOString()}`)
say(
  `machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(1)} free), node ${process.version}`,
)
// nginx -v writes to stderr.
const nginxVersion = spawnSync('nginx', ['-v'], { encoding: 'utf8' }).stderr.trim()
const postgresVersion = spawnSync('psql', ['--version'], { encoding: 'utf8' }).stdout.trim()
say(`${nginxVersion}, ${postgresVersion}; load average at start ${load()}`)
say(
  `tile load: ${CONNECTIONS} keep-alive connections, closed loop, ${SECONDS} s per run, gzip accepted; load generator in this process`,
)

let cluster: OneMapCluster | undefined
try {
  const t0 = Date.now()
  cluster = await startCluster({
    processes: 1,
    ports: [portFrom, portTo],
    adminPassword: PASSWORD,
    durable: true,
    // The benchmark is one client address: OneMap's per-address limits would measure themselves.
    env: { ONEMAP_RATE_LIMIT_TILES: '0', ONEMAP_RATE_LIMIT_TRPC: '0', ONEMAP_RATE_LIMIT_OGC: '0', LOG_LEVEL: 'error' },
  })
  const c = cluster
  const base = c.nginx.url
  say(
    `cluster up in ${((Date.now() - t0) / 1000).toFixed(1)} s (primary :${c.primary.port}, replica :${c.replica.port}, nginx :${new URL(base).port})`,
  )
  const cookie = await signIn(base, 'admin', PASSWORD)
  // Edits cycle planned segments through planned → suspended → planned (legal both ways, one event
  // each), so the run never runs out of segments. A failed edit may still have committed: that
  // segment's version is unknown from then on and it leaves the rotation.
  const segments = (await plannedSegments(c.primary, 1000)).map((s) => ({ ...s, status: 'planned' }))
  const today = new Date().toISOString().slice(0, 10)
  let turn = 0
  const edit = async (pick?: SegmentAt & { status: string }) => {
    const s = pick ?? segments[turn++ % segments.length]
    if (!s) throw new Error('no planned segment left to edit')
    const to = s.status === 'planned' ? 'suspended' : 'planned'
    const outcome = await editSegment(base, cookie, { id: s.id, expectedVersion: s.version, to, at: today })
    if (outcome.status === 200) Object.assign(s, { version: s.version + 1, status: to })
    else segments.splice(segments.indexOf(s), 1)
    return outcome
  }
  const upstreams = () =>
    c.processes.filter((p) => p.child.exitCode === null && p.child.signalCode === null).map(portOf)

  // ---- 1. tile throughput, 1 → 2 → 3 processes, with and without nginx's cache
  say('\n## Tiles through nginx (road_segments z14–z16, versioned URLs, every tile requested once before the run)')
  const version = await tileVersion(base, 'road_segments')
  const warm = shuffled([14, 15, 16].flatMap((z) => zoneTiles('road_segments', z, version)))
  // Render runs: distinct z17–z19 tiles holding a segment, each requested once (a fixed amount of
  // work), so every one is drawn by PostGIS; each run takes its own slice.
  const vertices = await c.primary.sql<{ lon: number; lat: number }>(
    // A point every 20 m along every segment.
    'SELECT ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat FROM onemap.road_segments t, ST_DumpPoints(ST_Segmentize(t.geom::geography, 20)::geometry) p',
  )
  const render = shuffled([
    ...new Set(
      vertices.flatMap((p) => [17, 18, 19].map((z) => `${tilePath('road_segments', p.lon, p.lat, z)}?v=${version}`)),
    ),
  ])
  const slice = Math.floor(render.length / 8)
  say(`${warm.length} warm tiles; ${render.length} distinct z17–z19 tiles holding a segment, ${slice} per render run`)
  const perProcess: Record<number, Record<string, LoadResult>> = {}
  for (const n of [1, 2, 3]) {
    while (upstreams().length < n) await c.startProcess()
    const results: Record<string, LoadResult> = {}
    await c.nginx.restart(upstreams(), { cache: false })
    await requestEach(
      warm.map((u) => base + u),
      CONNECTIONS,
    ) // fills the processes' tile LRU
    results.renderNoCache = await requestEach(
      render.splice(0, slice).map((u) => base + u),
      CONNECTIONS,
    )
    results.lruNoCache = await runLoad(
      warm.map((u) => base + u),
      CONNECTIONS,
      SECONDS,
      GZIP,
    )
    await c.nginx.restart(upstreams(), { cache: true })
    await requestEach(
      warm.map((u) => base + u),
      CONNECTIONS,
    ) // fills nginx's cache
    results.nginxCache = await runLoad(
      warm.map((u) => base + u),
      CONNECTIONS,
      SECONDS,
      GZIP,
    )
    perProcess[n] = results
    say(`${n} process(es), load ${load()}:`)
    say(`  distinct tiles, each drawn once by PostGIS on the replica (no cache): ${fmt(results.renderNoCache)}`)
    say(`  warm tiles from the processes' memory (no nginx cache):              ${fmt(results.lruNoCache)}`)
    say(`  warm tiles from nginx proxy_cache:                                   ${fmt(results.nginxCache)}`)
  }
  await c.nginx.restart(upstreams(), { cache: false })

  // ---- 2. edit → SSE with 200 subscribers over 3 processes
  say(`\n## Edit → SSE, ${SUBSCRIBERS} subscribers through nginx over ${upstreams().length} processes`)
  const rssBefore = c.processes.map((p) => residentMiB(p.child.pid))
  const subscribers = Array.from({ length: SUBSCRIBERS }, () => new LiveSubscriber(base))
  await Promise.all(subscribers.map((s) => s.ready()))
  say(
    `process memory (RSS, MiB) before → with the subscribers: ${c.processes.map((p, i) => `${rssBefore[i]} → ${residentMiB(p.child.pid)}`).join(', ')}`,
  )
  const spread = new Map<string, number>()
  for (const s of subscribers) spread.set(s.upstream ?? '?', (spread.get(s.upstream ?? '?') ?? 0) + 1)
  say(`subscribers per process: ${[...spread].map(([u, k]) => `${u.split(':').pop()}: ${k}`).join(', ')}`)
  const delays: number[] = []
  for (let i = 0; i < SSE_EDITS; i++) {
    const sent = Date.now()
    const e = await edit()
    if (e.status !== 200) throw new Error(`edit answered ${e.status}`)
    await Promise.all(subscribers.map((s) => s.waitFor((m) => m.some((x) => x.id === e.eventId), 10_000)))
    for (const s of subscribers) delays.push((s.messages.find((x) => x.id === e.eventId)?.at as number) - sent)
  }
  const sse = summarise(delays, 0, 1)
  say(
    `${SSE_EDITS} edits × ${SUBSCRIBERS} subscribers: edit sent → event received p50 ${sse.p50} ms, p95 ${sse.p95} ms, max ${Math.max(...delays)} ms (load ${load()})`,
  )

  // ---- faults: each during tile load (render + warm mix, no nginx cache) with edits every 100 ms
  const faultUrls = () => [...render.splice(0, Math.floor(slice / 2)), ...warm.slice(0, 400)].map((u) => base + u)
  /** Tile load + an edit loop around `fault`; reports failed requests, lost edits and missed events. */
  async function duringLoad(name: string, fault: () => Promise<string>) {
    const before = (await eventIdsAfter(c.primary, 0)).at(-1) ?? 0
    const reconnectsBefore = subscribers.map((s) => s.reconnects.length)
    let editing = true
    const acknowledged: number[] = []
    let failedEdits = 0
    const editor = (async () => {
      while (editing) {
        const e = await edit()
        if (e.status === 200 && e.eventId !== undefined) acknowledged.push(e.eventId)
        else failedEdits++
        await new Promise((r) => setTimeout(r, 100))
      }
    })()
    const tiles = runLoad(faultUrls(), CONNECTIONS, SECONDS, GZIP)
    await new Promise((r) => setTimeout(r, (SECONDS * 1000) / 3))
    const note = await fault()
    const tileResult = await tiles
    editing = false
    await editor
    const logged = await eventIdsAfter(c.primary, before)
    const lost = acknowledged.filter((id) => !logged.includes(id)).length
    // Every subscriber must end up with every logged event (allow 15 s to reconnect and catch up).
    const complete = await Promise.allSettled(
      subscribers.map((s) => s.waitFor((m) => logged.every((id) => m.some((x) => x.id === id)), 15_000)),
    )
    const missed = subscribers.reduce(
      (sum, s) => sum + logged.filter((id) => !s.messages.some((x) => x.id === id)).length,
      0,
    )
    const reconnects = subscribers.flatMap((s, i) => s.reconnects.slice(reconnectsBefore[i]))
    const rc = reconnects.length
      ? `${reconnects.length} reconnects, p95 ${summarise(reconnects, 0, 1).p95} ms, max ${Math.max(...reconnects)} ms`
      : 'no reconnects'
    say(`${name} (load ${load()}): ${note}`)
    say(
      `  tiles: ${fmt(tileResult)}; edits: ${acknowledged.length} acknowledged, ${failedEdits} failed, ${lost} acknowledged lost`,
    )
    say(
      `  live: ${rc}; missed events ${missed} (${complete.filter((r) => r.status === 'rejected').length} subscribers incomplete)`,
    )
  }

  say('\n## Faults under load (tiles: distinct z17–z19 + warm z14–16, no nginx cache; one edit every ~100 ms)')
  await duringLoad('kill -9 one of three processes', async () => {
    const victim = c.processes.find((p) => p.child.exitCode === null) as NonNullable<OneMapCluster['processes'][number]>
    const port = portOf(victim)
    victim.child.kill('SIGKILL')
    await victim.exited
    c.processes.splice(c.processes.indexOf(victim), 1)
    const again = await c.startProcess(port)
    return `process :${port} killed, restarted on the same port (${again.url})`
  })
  await duringLoad('replica stopped', async () => {
    await c.replica.stop()
    const health = (await (await fetch(`${base}/healthz`)).json()) as { readReplica?: { state: string } }
    return `replica stopped; /healthz readReplica.state = ${health.readReplica?.state}`
  })
  await c.replica.start()
  await caughtUp(c.primary, c.replica)
  await duringLoad('replica lagging (replay paused)', async () => {
    await pauseReplay(c.replica)
    const s = segments[0] as SegmentAt & { status: string }
    const e = await edit(s)
    const v = await tileVersion(base, 'road_segments')
    const res = await fetch(`${base}${tilePath('road_segments', s.lon, s.lat, 16)}?v=${v}`, { headers: GZIP })
    const answer = `${res.status}, ${res.headers.get('cache-control')}`
    return `replay paused, edit ${e.status}; its tile at the new version v=${v}: ${answer} (drawn by the primary)`
  })
  await resumeReplay(c.replica)
  await duringLoad('primary restarted', async () => {
    const started = Date.now()
    await c.primary.stop()
    await c.primary.start()
    return `pg_ctl stop -m fast + start took ${Date.now() - started} ms`
  })
  await duringLoad('nginx reloaded (SIGHUP, as systemctl reload nginx)', async () => {
    c.nginx.reload(upstreams(), { cache: false })
    return 'configuration rewritten, SIGHUP sent'
  })
  await duringLoad('nginx restarted (stop + start)', async () => {
    const started = Date.now()
    await c.nginx.restart(upstreams(), { cache: false })
    return `nginx stopped and started in ${Date.now() - started} ms`
  })
  for (const s of subscribers) s.close()

  say('\n## Per process (warm tiles, no nginx cache)')
  for (const n of [1, 2, 3]) {
    const r = perProcess[n] as Record<string, LoadResult>
    say(
      `${n}: ${(r.lruNoCache as LoadResult).rps.toFixed(0)} req/s in all, ${((r.lruNoCache as LoadResult).rps / n).toFixed(0)} per process; render ${(r.renderNoCache as LoadResult).rps.toFixed(0)} req/s`,
    )
  }
  say(`load average at end ${load()}`)
} finally {
  await cluster?.stop()
}
// The cluster is gone; closed subscribers' sockets may linger a moment: leave at once.
process.exit(0)
