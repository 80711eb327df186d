import fastifyHelmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'

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
  await app.register(fastifyHelmet, {
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
  })
}
