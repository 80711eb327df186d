import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet'
import Fastify, { type FastifyInstance } from 'fastify'

/**
 * Response headers for a public government site (helmet): a Content-Security-Policy without inline
 * script, nosniff, a referrer that stays on this site, and who may frame the app. Everything the app
 * loads comes from its own origin: scripts, the MapLibre worker (a hashed file under /assets, see
 * apps/web/src/map/MapCanvas.tsx), tiles, the API and its event stream.
 *
 * `frameAncestors` is ONEMAP_FRAME_ANCESTORS: 'none' by default; an operator lists the portal that
 * embeds the wall (e.g. `'self' https://ops.example.gov.cn`).
 */
export async function registerSecurityHeaders(app: FastifyInstance, frameAncestors: string): Promise<void> {
  const headers = Object.entries(await helmetHeaders(helmetOptions(frameAncestors)))
  app.addHook('onRequest', (_request, reply, done) => {
    // On the raw response, as helmet does: streams that write their own head keep them too.
    for (const [name, value] of headers) reply.raw.setHeader(name, value)
    done()
  })
}

/**
 * The headers helmet sets with these options, found once by asking it on a throwaway server. The
 * plugin rebuilds helmet's whole middleware (CSP parsing included) on every request: a tenth of the
 * CPU of a cached tile (bench/README.md, issue 19 late evening). Every header is constant here (no
 * CSP nonces), so one object set per request is the same answer.
 */
async function helmetHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const answer = async (withHelmet: boolean) => {
    const probe = Fastify()
    if (withHelmet) await probe.register(fastifyHelmet, options)
    probe.get('/', async () => '')
    const res = await probe.inject('/')
    await probe.close()
    return res.headers
  }
  const [plain, helmeted] = await Promise.all([answer(false), answer(true)])
  return Object.fromEntries(
    Object.entries(helmeted).flatMap(([name, value]) => (name in plain ? [] : [[name, String(value)]])),
  )
}

function helmetOptions(frameAncestors: string): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        workerSrc: ["'self'"],
        childSrc: ["'self'"],
        connectSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        // React and MapLibre set element.style from script (allowed); no <style> is injected.
        styleSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: frameAncestors.split(' '),
      },
    },
    // frame-ancestors decides framing; X-Frame-Options cannot name other origins and would contradict it.
    frameguard: false,
    referrerPolicy: { policy: 'same-origin' },
    // Tiles and OGC are read by GIS tools and other sites' maps; browsers may still load them cross-origin.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    // Only meaningful over HTTPS, which a proxy terminates; it decides HSTS there (docs/deploy.md).
    strictTransportSecurity: false,
  }
}
