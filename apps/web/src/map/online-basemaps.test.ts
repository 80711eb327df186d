import { describe, expect, it } from 'vitest'
import { basemapStyle } from './basemap-style.ts'
import { BasemapRefused, resolveBasemap } from './online-basemaps.ts'

describe('resolveBasemap', () => {
  it('adds nothing by default, so the page makes no outside request', () => {
    expect(resolveBasemap({ kind: 'none' })).toBeUndefined()
    const style = basemapStyle('http://127.0.0.1:8080', 'zh')
    const urls = JSON.stringify(style).match(/https?:\/\/[^"]+/g) ?? []
    expect(urls.length).toBeGreaterThan(0)
    for (const url of urls) expect(url.startsWith('http://127.0.0.1:8080/')).toBe(true)
    expect(style.glyphs).toBeUndefined()
  })

  it('refuses a GCJ-02 basemap under CGCS2000 data', () => {
    expect(() => resolveBasemap({ kind: 'amap' })).toThrow(BasemapRefused)
    expect(resolveBasemap({ kind: 'amap' }, 'gcj02')?.datum).toBe('gcj02')
  })

  it('needs a well-formed 天地图 key and puts it in the tile URL', () => {
    expect(() => resolveBasemap({ kind: 'tianditu', key: '' })).toThrow(/key/)
    const key = 'a'.repeat(32)
    expect(resolveBasemap({ kind: 'tianditu', key })?.source.tiles?.[0]).toContain(`tk=${key}`)
  })

  it('puts an online basemap beneath our layers and labels', () => {
    const style = basemapStyle('http://127.0.0.1:8080', 'en', resolveBasemap({ kind: 'osm' }))
    const ids = style.layers.map((l) => l.id)
    expect(ids.indexOf('online-basemap')).toBeLessThan(ids.indexOf('river-line'))
    expect(ids.indexOf('online-basemap')).toBeGreaterThan(ids.indexOf('background'))
  })
})
