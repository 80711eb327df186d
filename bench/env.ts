import { z } from 'zod'

/** The benchmark's settings, parsed once; it needs a PostgreSQL server (pgbench and MapServer connect to it). */
const BenchEnv = z.object({
  BENCH_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .default('postgres://onemap:onemap@127.0.0.1:5433/postgres'),
  /** Seconds per measured scenario. */
  BENCH_SECONDS: z.coerce.number().min(1).max(120).default(6),
  /** Tiles per zoom level in the fixed list. */
  BENCH_TILES: z.coerce.number().int().min(1).max(200).default(20),
  /** '1': the server process logs every garbage collection of 5 ms or more (serve.ts). */
  BENCH_GC_LOG: z.enum(['0', '1']).default('0'),
  /** V8 flags for the server process, e.g. '--no-incremental-marking' (NODE_OPTIONS refuses GC flags). */
  BENCH_V8_FLAGS: z.string().default(''),
})
export type BenchEnv = z.infer<typeof BenchEnv>

export function loadBenchEnv(source: NodeJS.ProcessEnv = process.env): BenchEnv {
  const parsed = BenchEnv.safeParse(source)
  if (parsed.success) return parsed.data
  throw new Error(
    `Invalid benchmark environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
  )
}
