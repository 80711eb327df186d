import type { RasterSourceSpecification } from 'maplibre-gl'

/**
 * Optional online basemaps. Our data is CGCS2000 (≈ WGS84), so only basemaps drawn in that datum can
 * sit under it unshifted: 天地图 (CGCS2000) and OpenStreetMap (WGS84). A GCJ-02 basemap such as 高德
 * is offset ~580 m near the zone and is refused unless the overlay data is shifted to GCJ-02 too.
 */
export type BasemapChoice = { kind: 'none' } | { kind: 'osm' } | { kind: 'tianditu'; key: string } | { kind: 'amap' }

export type DisplayDatum = 'cgcs2000' | 'gcj02'

export interface OnlineBasemap {
  source: RasterSourceSpecification
  datum: DisplayDatum
}

export class BasemapRefused extends Error {
  override name = 'BasemapRefused'
}

/** Turns the configured choice into a raster source, or refuses a datum mismatch / missing key. */
export function resolveBasemap(
  choice: BasemapChoice,
  displayDatum: DisplayDatum = 'cgcs2000',
): OnlineBasemap | undefined {
  switch (choice.kind) {
    case 'none':
      return undefined
    case 'osm':
      return {
        datum: 'cgcs2000',
        source: {
          type: 'raster',
          tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
          tileSize: 256,
          maxzoom: 19,
          attribution: '© OpenStreetMap contributors',
        },
      }
    case 'tianditu': {
      if (!/^[0-9a-f]{32}$/i.test(choice.key))
        throw new BasemapRefused('天地图 needs a 32-character key (tk); none or a malformed one was configured')
      // Web Mercator vector map ("vec_w"); annotation layers are left off since our labels sit on top.
      const url = `https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${choice.key}`
      return {
        datum: 'cgcs2000',
        source: { type: 'raster', tiles: [url], tileSize: 256, maxzoom: 18, attribution: '© 天地图' },
      }
    }
    case 'amap':
      if (displayDatum !== 'gcj02') {
        throw new BasemapRefused(
          '高德 (AMap) tiles are in GCJ-02; OneMap data is CGCS2000 and would appear ~580 m off. Shift the data to GCJ-02 for display first.',
        )
      }
      return {
        datum: 'gcj02',
        source: {
          type: 'raster',
          tiles: ['https://webrd01.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}'],
          tileSize: 256,
          maxzoom: 18,
          attribution: '© 高德地图',
        },
      }
  }
}
