import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const CHILD = fileURLToPath(new URL('./login-burst.child.ts', import.meta.url))
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url))

/** A real OneMap server on a seeded test database, in its own process (its event loop is not the client's). */
export interface BurstServer {
  base: string
  stop(): Promise<void>
}

export async function startBurstServer(): Promise<BurstServer> {
  const child: ChildProcess = spawn(TSX, [CHILD], { stdio: ['pipe', 'pipe', 'inherit'] })
  let base = ''
  for await (const line of createInterface({ input: child.stdout! })) {
    if (line.startsWith('{')) {
      base = `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`
      break
    }
  }
  if (!base) throw new Error('the burst server did not start')
  return {
    base,
    async stop() {
      if (child.exitCode !== null) return
      child.stdin!.end()
      await once(child, 'exit')
    },
  }
}

/** Distinct z15 tile paths over the zone (113.48–113.62 E, 34.74–34.86 N), so no request hits the cache. */
export function zoneTiles(): string[] {
  const n = 2 ** 15
  const tx = (lon: number) => Math.floor(((lon + 180) / 360) * n)
  const ty = (lat: number) => {
    const r = (lat * Math.PI) / 180
    return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)
  }
  const paths: string[] = []
  for (let x = tx(113.48); x <= tx(113.62); x++)
    for (let y = ty(34.86); y <= ty(34.74); y++) paths.push(`/tiles/road_segments/15/${x}/${y}.mvt`)
  return paths
}

/** Milliseconds for one tile, body read; throws on any status but 200/204. */
export async function timeTile(base: string, path: string): Promise<number> {
  const start = performance.now()
  const res = await fetch(base + path, { headers: { 'accept-encoding': 'gzip' } })
  await res.arrayBuffer()
  if (res.status !== 200 && res.status !== 204) throw new Error(`${path} answered ${res.status}`)
  return performance.now() - start
}

export const p95 = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.ceil(ms.length * 0.95) - 1]!

export interface BurstTally {
  statuses: Map<number, number>
  /** 429/503 answers that carried a Retry-After of at least one second. */
  retryAfter: number
}

/**
 * Sends waves of 300 concurrent sign-ins as `burst-user` (one in ten with the right password) until
 * `running()` turns false; resolves when the last wave is answered.
 */
export async function loginWaves(base: string, running: () => boolean, tally: BurstTally): Promise<void> {
  for (let wave = 0; running(); wave++) {
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        fetch(`${base}/trpc/auth.login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            name: 'burst-user',
            password: i % 10 === 0 ? 'burst-password' : `guess-${wave}-${i}`,
          }),
        }),
      ),
    )
    for (const res of answers) {
      tally.statuses.set(res.status, (tally.statuses.get(res.status) ?? 0) + 1)
      if ((res.status === 429 || res.status === 503) && Number(res.headers.get('retry-after')) >= 1) tally.retryAfter++
      await res.arrayBuffer()
    }
  }
}

/**
 * Tile p95 while idle and during sign-in waves, in three alternating rounds (the machine's other load
 * drifts over a run) on alternate tiles (both phases see the same mix of empty and full tiles).
 */
export async function measureTilesDuringLogins(base: string, perRound = 20) {
  const tiles = zoneTiles()
  for (const path of tiles.slice(-10)) await timeTile(base, path) // warm up connections and code paths
  const idle: number[] = []
  const busy: number[] = []
  const tally: BurstTally = { statuses: new Map(), retryAfter: 0 }
  for (let round = 0; round < 3; round++) {
    const from = round * perRound * 2
    for (let i = from; i < from + perRound * 2; i += 2) idle.push(await timeTile(base, tiles[i]!))
    let sampling = true
    const waves = loginWaves(base, () => sampling, tally)
    for (let i = from + 1; i < from + perRound * 2; i += 2) busy.push(await timeTile(base, tiles[i]!))
    sampling = false
    await waves
  }
  return { idle, busy, tally }
}
