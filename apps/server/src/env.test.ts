import { describe, expect, it } from 'vitest'
import { EnvError, loadEnv } from './env.ts'

describe('hardening variables', () => {
  it('have safe defaults: no proxy trusted, no framing, generous rate limits', () => {
    const env = loadEnv({})
    expect(env.ONEMAP_TRUST_PROXY).toBe(false)
    expect(env.ONEMAP_FRAME_ANCESTORS).toBe("'none'")
    expect(env.ONEMAP_PUBLIC_URL).toBeUndefined()
    expect(env.ONEMAP_RATE_LIMIT_TILES).toBeGreaterThanOrEqual(env.ONEMAP_RATE_LIMIT_TRPC)
  })

  it('parse what an operator writes', () => {
    const env = loadEnv({
      ONEMAP_PUBLIC_URL: 'https://onemap.example.gov.cn/',
      ONEMAP_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
      ONEMAP_FRAME_ANCESTORS: "'self' https://ops.example.gov.cn",
      ONEMAP_RATE_LIMIT_TRPC: '0',
    })
    expect(env.ONEMAP_PUBLIC_URL).toBe('https://onemap.example.gov.cn')
    expect(env.ONEMAP_TRUST_PROXY).toEqual(['10.0.0.0/8', '127.0.0.1'])
    expect(env.ONEMAP_RATE_LIMIT_TRPC).toBe(0)
    expect(loadEnv({ ONEMAP_TRUST_PROXY: 'on' }).ONEMAP_TRUST_PROXY).toBe(true)
    expect(loadEnv({ ONEMAP_TRUST_PROXY: '2' }).ONEMAP_TRUST_PROXY).toBe(2)
  })

  it.each([
    ['ONEMAP_PUBLIC_URL', 'ftp://onemap.example'],
    ['ONEMAP_PUBLIC_URL', 'https://onemap.example/app'],
    ['ONEMAP_TRUST_PROXY', 'maybe'],
    ['ONEMAP_FRAME_ANCESTORS', "'self'; script-src *"],
    ['ONEMAP_RATE_LIMIT_OGC', '-1'],
    ['ONEMAP_READ_DATABASE_URL', 'postgres://replica.example/onemap'],
  ])('refuse %s=%s naming the variable', (name, value) => {
    expect(() => loadEnv({ [name]: value })).toThrow(EnvError)
    expect(() => loadEnv({ [name]: value })).toThrow(new RegExp(name))
  })
})
