import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { pipeline } from 'node:stream'
import { wktToGeoJSON } from '@terraformer/wkt'
import { parse } from 'csv-parse'
import iconv from 'iconv-lite'
import { unreadable } from '../errors.ts'
import { csvEncoding } from './encoding.ts'
import type { FeatureSource, SourceFeature } from './source.ts'

const WKT_COLUMNS = ['wkt', 'geometry', 'geom', 'the_geom', 'shape', '几何']
const LON_COLUMNS = ['lon', 'lng', 'long', 'longitude', 'x', '经度', '东经']
const LAT_COLUMNS = ['lat', 'latitude', 'y', '纬度', '北纬']

/**
 * Streams a CSV with a header row: geometry from a WKT column, or a point from lon/lat (x/y) columns.
 * Text is decoded by iconv-lite as a stream (GBK exports from Excel are common), then parsed by csv-parse
 * record by record.
 */
export function openCsv(path: string, options: { encoding?: string | undefined }): FeatureSource {
  const file = basename(path)
  const encoding = csvEncoding(options.encoding)
  return {
    format: 'csv',
    declaredCrs: () => undefined,
    notes: () => [`text decoded as ${encoding}`],
    close: async () => {},
    async *features(): AsyncGenerator<SourceFeature> {
      if ((await stat(path)).size === 0) throw unreadable(`${file} is empty (0 bytes)`)
      const parser = parse({ columns: true, bom: true, skip_empty_lines: true, trim: true, info: true })
      // pipeline() forwards a read or decode failure into the parser, so the loop below sees it.
      pipeline(createReadStream(path), iconv.decodeStream(encoding), parser, () => {})
      let geometryOf: ((row: Record<string, string>) => unknown) | undefined
      let n = 0
      try {
        for await (const { record, info } of parser as AsyncIterable<{
          record: Record<string, string>
          info: { lines: number }
        }>) {
          geometryOf ??= pickGeometryColumns(Object.keys(record), file)
          n++
          const feature: SourceFeature = {
            where: `line ${info.lines}`,
            id: undefined,
            properties: record,
            geometry: null,
          }
          try {
            feature.geometry = geometryOf(record)
          } catch (err) {
            if (!(err instanceof GeometryTextError)) throw err
            feature.geometryError = err.message
          }
          yield feature
        }
      } catch (err) {
        if (err instanceof Error && err.name === 'ImportError') throw err
        throw unreadable(`${file} is not a readable CSV: ${err instanceof Error ? err.message : String(err)}`)
      }
      if (n === 0) throw unreadable(`${file} holds a header but no rows`)
    },
  }
}

class GeometryTextError extends Error {}

function pickGeometryColumns(columns: string[], file: string): (row: Record<string, string>) => unknown {
  const find = (aliases: string[]) => columns.find((c) => aliases.includes(c.toLowerCase()))
  const wkt = find(WKT_COLUMNS)
  if (wkt) {
    return (row) => {
      const text = row[wkt] ?? ''
      if (!text) throw new GeometryTextError(`has an empty ${wkt} column`)
      try {
        return wktToGeoJSON(text)
      } catch {
        throw new GeometryTextError(`has a ${wkt} value that is not valid WKT: ${text.slice(0, 60)}`)
      }
    }
  }
  const lon = find(LON_COLUMNS)
  const lat = find(LAT_COLUMNS)
  if (lon && lat) {
    return (row) => {
      const x = Number(row[lon])
      const y = Number(row[lat])
      if (row[lon] === '' || row[lat] === '' || !Number.isFinite(x) || !Number.isFinite(y)) {
        throw new GeometryTextError(`has no numeric ${lon}/${lat} (${row[lon]}, ${row[lat]})`)
      }
      return { type: 'Point', coordinates: [x, y] }
    }
  }
  throw unreadable(
    `${file} has no geometry columns: add a WKT column (${WKT_COLUMNS.slice(0, 3).join('/')}) ` +
      `or lon/lat columns (${LON_COLUMNS.slice(0, 4).join('/')} and ${LAT_COLUMNS.slice(0, 3).join('/')}); ` +
      `found ${columns.join(', ')}`,
  )
}
