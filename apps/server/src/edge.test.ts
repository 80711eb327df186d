import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hashPassword } from '@onemap/api/passwords'
import type { Database } from '@onemap/db/database'
import { createAccount } from '@onemap/db/queries/accounts'
import { openTestDatabase, testBackend } from '@onemap/db/testing'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type ServerOptions } from './app.ts'

// The HTTP edge of a deployment: headers, caching, per-address limits, proxies, absolute links.
let db: Database
let webDist: string
const servers: FastifyInstance[] = []
beforeAll(async () => {
  db = await openTestDatabase()
  await createAccount(db, {
    name: 'planner-edge',
    role: 'planner',
    passwordHash: await hashPassword('planner-edge-password'),
  })
  webDist = mkdtempSync(join(tmpdir(), 'onemap-edge-dist-'))
  mkdirSync(join(webDist, 'assets'))
  writeFileSync(
    join(webDist, 'index.html'),
    '<!doctype html><script type="module" src="/assets/index-AbC123.js"></script>',
  )
  writeFileSync(join(webDist, 'assets', 'index-AbC123.js'), 'console.log(1)')
})
afterAll(async () => {
  for (const s of servers) await s.close()
  await db?.close()
  rmSync(webDist, { recursive: true, force: true })
})

async function server(options: Partial<ServerOptions> = {}) {
  const app = await createServer({ db, webDist, ...options })
  servers.push(app)
  return app
}

describe(`security headers and caching (${testBackend})`, () => {
  it('serves the app with a CSP without inline script, nosniff, a same-origin referrer and no framing', async () => {
    const app = await server()
    for (const url of ['/', '/plan']) {
      const res = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } })
      expect(res.statusCode).toBe(200)
      const csp = String(res.headers['content-security-policy'])
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1]
      expect(scriptSrc).toBe("'self'")
      expect(csp).not.toContain('unsafe-inline')
      expect(csp).not.toContain('unsafe-eval')
      expect(csp).toContain("worker-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("object-src 'none'")
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['referrer-policy']).toBe('same-origin')
      expect(res.headers['cache-control']).toBe('no-cache')
    }
  })

  it('serves hashed assets immutable for a year', async () => {
    const res = await (await server()).inject({ method: 'GET', url: '/assets/index-AbC123.js' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('lets an operator allow framing by named origins', async () => {
    const app = await server({ frameAncestors: "'self' https://ops.example.gov.cn" })
    const res = await app.inject({ method: 'GET', url: '/wall', headers: { accept: 'text/html' } })
    expect(String(res.headers['content-security-policy'])).toContain(
      "frame-ancestors 'self' https://ops.example.gov.cn",
    )
    expect(res.headers['x-frame-options']).toBeUndefined()
  })
})

describe(`per-address rate limits (${testBackend})`, () => {
  it('answers 429 with Retry-After past the limit, per area and per address', async () => {
    const app = await server({ rateLimits: { trpc: 3, tiles: 0, ogc: 2 } })
    const from = (remoteAddress: string, url: string) => app.inject({ method: 'GET', url, remoteAddress })
    for (let i = 0; i < 3; i++) expect((await from('198.51.100.7', '/trpc/health.status')).statusCode).toBe(200)
    const over = await from('198.51.100.7', '/trpc/health.status')
    expect(over.statusCode).toBe(429)
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0)
    expect(over.json()).toMatchObject({
      code: 'too_many_requests',
      description: expect.stringContaining('at most 3 a minute'),
    })
    // Another address, another area, an unlimited area and the health check are all unaffected.
    expect((await from('198.51.100.8', '/trpc/health.status')).statusCode).toBe(200)
    expect((await from('198.51.100.7', '/ogc')).statusCode).toBe(200)
    for (let i = 0; i < 10; i++) expect((await from('198.51.100.7', '/tiles/road_segments.json')).statusCode).toBe(200)
    for (let i = 0; i < 5; i++) expect((await from('198.51.100.7', '/healthz')).statusCode).toBe(200)
  })
})

describe(`behind a reverse proxy (${testBackend})`, () => {
  const login = (app: FastifyInstance, headers: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: '/trpc/auth.login',
      payload: { name: 'planner-edge', password: 'planner-edge-password' },
      headers,
      remoteAddress: '10.0.0.2',
    })
  const forwarded = { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https' }

  it('ignores X-Forwarded-* unless ONEMAP_TRUST_PROXY is set', async () => {
    const app = await server({ rateLimits: { trpc: 1, tiles: 0, ogc: 0 } })
    const res = await login(app, forwarded)
    expect(String(res.headers['set-cookie'])).not.toMatch(/Secure/i)
    // The forwarded address is not believed: a second "client" shares the proxy's bucket.
    const second = await app.inject({
      method: 'GET',
      url: '/trpc/health.status',
      headers: { 'x-forwarded-for': '203.0.113.10' },
      remoteAddress: '10.0.0.2',
    })
    expect(second.statusCode).toBe(429)
  })

  it('with it, takes the client address from X-Forwarded-For and marks the cookie Secure over HTTPS', async () => {
    const app = await server({ rateLimits: { trpc: 1, tiles: 0, ogc: 0 }, trustProxy: ['10.0.0.2'] })
    const res = await login(app, forwarded)
    expect(res.statusCode).toBe(200)
    expect(String(res.headers['set-cookie'])).toMatch(/; Secure/)
    const other = await app.inject({
      method: 'GET',
      url: '/trpc/health.status',
      headers: { 'x-forwarded-for': '203.0.113.10' },
      remoteAddress: '10.0.0.2',
    })
    expect(other.statusCode).toBe(200)
    const plain = await login(app, { 'x-forwarded-for': '203.0.113.11', 'x-forwarded-proto': 'http' })
    expect(String(plain.headers['set-cookie'])).not.toMatch(/Secure/i)
  })
})

describe(`absolute links (${testBackend})`, () => {
  it('come from ONEMAP_PUBLIC_URL when set, whatever the Host header says', async () => {
    const app = await server({ publicUrl: 'https://onemap.example.gov.cn' })
    const headers = { host: 'attacker.example' }
    const tj = (await app.inject({ method: 'GET', url: '/tiles/road_segments.json', headers })).json() as {
      tiles: string[]
    }
    expect(tj.tiles[0]).toMatch(/^https:\/\/onemap\.example\.gov\.cn\/tiles\/road_segments\/\{z\}/)
    const landing = (await app.inject({ method: 'GET', url: '/ogc', headers })).json() as { links: { href: string }[] }
    expect(landing.links.length).toBeGreaterThan(0)
    for (const link of landing.links) expect(link.href).toMatch(/^https:\/\/onemap\.example\.gov\.cn\/ogc/)
  })

  it('unset, follow a well-formed Host, vary on it, and refuse a malformed one', async () => {
    const app = await server()
    const ok = await app.inject({
      method: 'GET',
      url: '/tiles/road_segments.json',
      headers: { host: 'localhost:8080' },
    })
    expect((ok.json() as { tiles: string[] }).tiles[0]).toMatch(/^http:\/\/localhost:8080\/tiles\//)
    expect(String(ok.headers.vary)).toMatch(/\bHost\b/)
    const bad = await app.inject({ method: 'GET', url: '/ogc', headers: { host: 'evil.example"><script>' } })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).not.toContain('<script>')
  })
})
