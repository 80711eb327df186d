import { fileURLToPath } from 'node:url'
import { z } from 'zod'

/** The browser tests' and benchmarks' environment, parsed once. */
const E2eEnv = z.object({
  // Debian's Chromium; another build can be named here (never a downloaded one).
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  // Lets a run serve its own build while others rebuild dist/ on a shared machine.
  ONEMAP_WEB_DIST: z
    .string()
    .min(1)
    .default(fileURLToPath(new URL('../dist', import.meta.url))),
})

export const e2eEnv = E2eEnv.parse(process.env)
