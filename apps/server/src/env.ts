import { fileURLToPath } from 'node:url'
import { z } from 'zod'

/** The repository root, for default paths of runtime files. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ONEMAP_DATA_DIR: z.string().min(1).default(`${REPO_ROOT}data/runtime/pglite`),
  ONEMAP_WEB_DIST: z.string().min(1).default(`${REPO_ROOT}apps/web/dist`),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  // Password of the 'admin' account created on the first start; absent means one is generated and printed once.
  ONEMAP_ADMIN_PASSWORD: z
    .string()
    .min(10, 'must be at least 10 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // Chromium used headless by `pnpm onemap brief` to print the weekly brief (Debian's build; never downloaded).
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
})
export type Env = z.infer<typeof Env>

/** Parses process.env once; a bad variable stops the process with its name and the problem. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = Env.safeParse(source)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')
  throw new EnvError(`Invalid environment:\n${problems}`)
}

export class EnvError extends Error {
  override name = 'EnvError'
}
