import { z } from 'zod'

// Imported by every browser module that uses zod (lazy chunks only: the public bundle carries no zod).
// The site's Content-Security-Policy forbids eval (apps/server/src/security-headers.ts). zod 4 probes for
// it with `Function('')` to compile fast parsers, and the probe alone is a CSP violation: tell zod not to.
z.config({ jitless: true })
