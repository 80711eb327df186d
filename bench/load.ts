import http from 'node:http'

export interface LoadResult {
  requests: number
  errors: number
  rps: number
  p50: number
  p95: number
}

/** The p-quantile (0…1) of sorted milliseconds. */
export function quantile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number
}

export function summarise(latenciesMs: number[], errors: number, seconds: number): LoadResult {
  const sorted = [...latenciesMs].sort((a, b) => a - b)
  return {
    requests: sorted.length,
    errors,
    rps: sorted.length / seconds,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
  }
}

/**
 * Requests `urls` round-robin over `connections` keep-alive connections for `seconds`, each
 * connection sending its next request when the previous answer has been read in full.
 */
export async function runLoad(
  urls: string[],
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections })
  const latencies: number[] = []
  let errors = 0
  let next = 0
  const deadline = performance.now() + seconds * 1000
  const one = (url: string) =>
    new Promise<boolean>((resolve) => {
      const req = http.get(url, { agent, headers }, (res) => {
        res.on('data', () => {})
        // 204 is our answer for an empty tile (a tile list may include one under a filter).
        res.on('end', () => resolve(res.statusCode === 200 || res.statusCode === 204))
      })
      req.on('error', () => resolve(false))
    })
  const worker = async () => {
    while (performance.now() < deadline) {
      const url = urls[next++ % urls.length] as string
      const start = performance.now()
      const ok = await one(url)
      if (ok) latencies.push(performance.now() - start)
      else errors++
    }
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: connections }, worker))
  const elapsed = (performance.now() - started) / 1000
  agent.destroy()
  return summarise(latencies, errors, elapsed)
}
