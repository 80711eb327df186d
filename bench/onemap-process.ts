import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

export interface OneMapProcess {
  /** Port of the production server (tile LRU on). */
  cached: number
  /** Port of the listener with the tile cache off (cold path). */
  cold: number
  /** Resident memory of the server process in MB (Linux /proc), read from serve.ts's own pid, not tsx's. */
  rssMb(): number
  stop(): void
}

/** Starts serve.ts in its own process (the load generator must not share the server's event loop). */
export async function startOneMap(url: string): Promise<OneMapProcess> {
  const tsx = fileURLToPath(new URL('./node_modules/.bin/tsx', import.meta.url))
  const child = spawn(tsx, [fileURLToPath(new URL('./serve.ts', import.meta.url)), url], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: child.stdout })
  // The ports line is JSON; anything else the server prints (V8's --trace-gc through BENCH_V8_FLAGS) goes to stderr.
  const line = await new Promise<string>((resolve) =>
    lines.on('line', (l) => (l.startsWith('{') ? resolve(l) : process.stderr.write(`${l}\n`))),
  )
  const { pid, ...ports } = JSON.parse(line) as { cached: number; cold: number; pid: number }
  const stop = () => child.kill('SIGTERM')
  process.once('exit', stop)
  const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024
  return { ...ports, rssMb, stop }
}
