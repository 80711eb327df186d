import { startMain, type MainProcess } from './main-process.ts'
import { nginxBinary, startNginx, type Nginx } from './nginx.ts'
import { createPrimary, createReplica, freePort, postgresBinaries, type PgCluster } from './pg-cluster.ts'
import { tileJsonVersion } from './tile-reading.ts'

/**
 * The scale-out setup on loopback, as docs/deploy.md describes it: a PostgreSQL primary, a streaming
 * replica, N OneMap processes (the real main.ts) and nginx with deploy/nginx/onemap.conf in front.
 * Used by the cluster test and `pnpm bench:scale`.
 */
export interface OneMapCluster {
  primary: PgCluster
  replica: PgCluster
  processes: MainProcess[]
  nginx: Nginx
  /** Environment every process runs with (PORT aside). */
  env: Record<string, string>
  /** Starts one more process (on `port`, or a free one) and waits until it serves. */
  startProcess(port?: number): Promise<MainProcess>
  /** Stops nginx, the processes and both clusters, and deletes their folders. */
  stop(): Promise<void>
}

export interface ClusterSetup {
  processes: number
  /** Loopback ports to take clusters, processes and nginx from. */
  ports: [number, number]
  /** Password of the `admin` account made on the first start. */
  adminPassword: string
  /** PostgreSQL with fsync (benchmarks) or without (tests). */
  durable?: boolean
  nginxWorkers?: number | 'auto'
  /** Extra environment for every process (rate limits for a benchmark, …). */
  env?: Record<string, string>
}

/** Why the cluster cannot run here, or undefined when PostgreSQL's server binaries and nginx exist. */
export function clusterUnavailable(): string | undefined {
  if (!postgresBinaries()) return 'PostgreSQL server binaries not found under /usr/lib/postgresql'
  if (!nginxBinary()) return 'nginx not installed'
  return undefined
}

/** Port a MainProcess listens on. */
export const portOf = (p: MainProcess) => Number(new URL(p.url).port)

/**
 * Primary + replica (made while the primary is still empty; migrations and the seed reach it by
 * streaming), then all processes at once on the empty database, then nginx over them.
 */
export async function startCluster(setup: ClusterSetup): Promise<OneMapCluster> {
  const [from, to] = setup.ports
  const started: { stop(): Promise<void> }[] = []
  const processes: MainProcess[] = []
  try {
    const primary = await createPrimary({
      prefix: '/tmp/onemap-scale-primary-',
      port: await freePort(from, to),
      durable: setup.durable ?? false,
    })
    started.push({ stop: () => primary.remove() })
    const replica = await createReplica(primary, {
      prefix: '/tmp/onemap-scale-replica-',
      port: await freePort(from, to),
      durable: setup.durable ?? false,
    })
    started.unshift({ stop: () => replica.remove() })
    const env = {
      DATABASE_URL: primary.url,
      ONEMAP_READ_DATABASE_URL: replica.url,
      ONEMAP_ADMIN_PASSWORD: setup.adminPassword,
      ONEMAP_TRUST_PROXY: '127.0.0.1',
      ONEMAP_WEB_DIST: '/nonexistent',
      ...setup.env,
    }
    const startProcess = async (port?: number) => {
      const main = await startMain({ ...env, PORT: String(port ?? (await freePort(from, to))) }, 180_000)
      processes.push(main)
      return main
    }
    // Taken one after another (two probes at once could choose the same free port), started together.
    const ports: number[] = []
    for (let i = 0; i < setup.processes; i++) ports.push(await freePortExcept(from, to, ports))
    // allSettled: when one fails, the others have finished starting and are stopped below, not left running.
    const failed = (await Promise.allSettled(ports.map((p) => startProcess(p)))).find((r) => r.status === 'rejected')
    if (failed) throw failed.reason
    const nginx = await startNginx({
      prefix: '/tmp/onemap-scale-nginx-',
      port: await freePortExcept(from, to, ports),
      upstreams: processes.map(portOf),
      workers: setup.nginxWorkers ?? 1,
    })
    return {
      primary,
      replica,
      processes,
      nginx,
      env,
      startProcess,
      async stop() {
        await nginx.remove()
        await Promise.all(processes.map(stopProcess))
        for (const s of started) await s.stop()
      },
    }
  } catch (err) {
    // One process may have started while another failed: nothing is left running.
    await Promise.all(processes.map(stopProcess))
    for (const s of started) await s.stop().catch(() => {})
    throw err
  }
}

async function freePortExcept(from: number, to: number, taken: number[]): Promise<number> {
  for (;;) {
    const port = await freePort(from, to)
    if (!taken.includes(port)) return port
  }
}

/** SIGTERM and wait for the exit (OneMap drains within 10 s). */
export async function stopProcess(p: MainProcess): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return
  p.child.kill('SIGTERM')
  await p.exited
}

/** Signs in through `baseUrl` and returns the session cookie (name=value). */
export async function signIn(baseUrl: string, name: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  })
  const cookie = res.headers.get('set-cookie')?.split(';')[0]
  if (res.status !== 200 || !cookie) throw new Error(`sign-in as ${name} answered ${res.status}: ${await res.text()}`)
  return cookie
}

export interface EditOutcome {
  status: number
  /** The event id of an acknowledged edit. */
  eventId?: number
  /** Which process answered (X-OneMap-Upstream through the test nginx). */
  upstream?: string
}

/** One status edit of a road segment through `baseUrl` (edits.setStatus, as the workbench sends it). */
export async function editSegment(
  baseUrl: string,
  cookie: string,
  edit: { id: string; expectedVersion: number; to: string; at: string },
): Promise<EditOutcome> {
  try {
    const res = await fetch(`${baseUrl}/trpc/edits.setStatus`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ entity: 'road_segment', ...edit }),
    })
    const body = (await res.json().catch(() => ({}))) as { result?: { data?: { eventId?: number } } }
    return {
      status: res.status,
      eventId: body.result?.data?.eventId,
      upstream: res.headers.get('x-onemap-upstream') ?? undefined,
    }
  } catch {
    return { status: 0 }
  }
}

export interface SegmentAt {
  id: string
  version: number
  lon: number
  lat: number
}

/** `n` planned road segments of the seeded primary with their version and a point on each. */
export async function plannedSegments(primary: PgCluster, n: number): Promise<SegmentAt[]> {
  return primary.sql<SegmentAt>(
    `SELECT id, version, ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat
       FROM onemap.road_segments WHERE status = 'planned' ORDER BY id LIMIT $1`,
    [n],
  )
}

/** Ids of every status event after `afterId` in the primary's audit log. */
export async function eventIdsAfter(primary: PgCluster, afterId: number): Promise<number[]> {
  const rows = await primary.sql<{ id: string }>(
    'SELECT e.id::text AS id FROM onemap.status_events e WHERE e.id > $1 ORDER BY e.id',
    [afterId],
  )
  return rows.map((r) => Number(r.id))
}

/** The slippy-map tile path of a lon/lat at zoom z. */
export function tilePath(layer: string, lon: number, lat: number, z: number): string {
  const r = (lat * Math.PI) / 180
  const x = Math.floor(((lon + 180) / 360) * 2 ** z)
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z)
  return `/tiles/${layer}/${z}/${x}/${y}.mvt`
}

/** A layer's current version, from its TileJSON at `baseUrl`. */
export async function tileVersion(baseUrl: string, layer: string): Promise<number> {
  return tileJsonVersion(await (await fetch(`${baseUrl}/tiles/${layer}.json`)).json())
}
