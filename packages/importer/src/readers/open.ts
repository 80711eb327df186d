import { extname } from 'node:path'
import type { ImportLimits } from '../limits.ts'
import { usageError } from '../errors.ts'
import { openCsv } from './csv.ts'
import { openGeoJson } from './geojson.ts'
import { openShapefileZip } from './shapefile-zip.ts'
import type { FeatureSource } from './source.ts'

/** Picks the reader by file extension: .geojson/.json, .zip (Shapefile), .csv. */
export function openSource(
  path: string,
  options: { encoding?: string | undefined; limits: ImportLimits },
): FeatureSource {
  const ext = extname(path).toLowerCase()
  if (ext === '.geojson' || ext === '.json') return openGeoJson(path)
  if (ext === '.zip') return openShapefileZip(path, options)
  if (ext === '.csv') return openCsv(path, options)
  if (ext === '.shp')
    throw usageError(`${path}: zip the Shapefile's .shp, .shx, .dbf, .prj and .cpg together and import the .zip`)
  throw usageError(
    `${path}: unknown file type '${ext}'; OneMap imports .geojson/.json, zipped Shapefiles (.zip) and .csv`,
  )
}
