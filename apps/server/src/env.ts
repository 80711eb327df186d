import { fileURLToPath } from 'node:url'
import { z } from 'zod'

/** The repository root, for default paths of runtime files. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/**
 * off (default) | on | a hop count | comma-separated proxy addresses or CIDRs. Only with it does the
 * client address come from X-Forwarded-For (rate limits, login throttling) and the scheme from
 * X-Forwarded-Proto (the session cookie's Secure flag). Never on without a proxy in front: anyone
 * could then choose their own address.
 */
const TrustProxy = z
  .string()
  .trim()
  .transform((v, ctx): boolean | number | string[] => {
    if (/^(off|false|0|)$/i.test(v)) return false
    if (/^(on|true)$/i.test(v)) return true
    if (/^[1-9]\d?$/.test(v)) return Number(v)
    const list = v.split(',').map((p) => p.trim())
    if (list.every((p) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(p))) return list
    ctx.addIssue({
      code: 'custom',
      message: 'must be off, on, a hop count, or proxy addresses/CIDRs separated by commas',
    })
    return z.NEVER
  })

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // A streaming replica of DATABASE_URL for public reads (tiles, OGC items); falls back to DATABASE_URL when down or behind.
  ONEMAP_READ_DATABASE_URL: z
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
  // Absolute base of links in TileJSON and OGC responses, e.g. https://onemap.example.gov.cn (no path).
  ONEMAP_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .refine(
      (u) => new URL(u).pathname === '/' && !new URL(u).search && !new URL(u).hash,
      'must be an origin only, without a path',
    )
    .transform((u) => new URL(u).origin)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // Requests per minute per client address; 0 switches a limit off.
  ONEMAP_RATE_LIMIT_TRPC: z.coerce.number().int().min(0).default(1200),
  ONEMAP_RATE_LIMIT_TILES: z.coerce.number().int().min(0).default(6000),
  ONEMAP_RATE_LIMIT_OGC: z.coerce.number().int().min(0).default(600),
  // Behind a reverse proxy: which X-Forwarded-* senders to believe (Fastify trustProxy).
  ONEMAP_TRUST_PROXY: TrustProxy.default(false),
  // CSP frame-ancestors: who may embed the app in a frame (e.g. the operations-centre portal).
  ONEMAP_FRAME_ANCESTORS: z
    .string()
    .regex(
      /^('none'|'self'|[a-z]+:\/\/[A-Za-z0-9.*:-]+)( ('self'|[a-z]+:\/\/[A-Za-z0-9.*:-]+))*$/,
      "must be 'none', or 'self' and/or origins separated by spaces",
    )
    .default("'none'"),
  // Chromium used headless by `pnpm onemap brief` to print the weekly brief (Debian's build; never downloaded).
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
})
export type Env = z.infer<typeof Env>

// A replica of what? The embedded database has none.
const EnvChecked = Env.refine((e) => !e.ONEMAP_READ_DATABASE_URL || e.DATABASE_URL, {
  path: ['ONEMAP_READ_DATABASE_URL'],
  message: 'needs DATABASE_URL (the primary it replicates)',
})

/** Parses process.env once; a bad variable stops the process with its name and the problem. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvChecked.safeParse(source)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')
  throw new EnvError(`Invalid environment:\n${problems}`)
}

export class EnvError extends Error {
  override name = 'EnvError'
}
