import { createWriteStream } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, extname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import * as shapefile from 'shapefile'
import yauzl from 'yauzl'
import { crsFromPrj } from '@onemap/geo/prj'
import { unreadable } from '../errors.ts'
import { formatBytes, type ImportLimits } from '../limits.ts'
import { dbfEncoding } from './encoding.ts'
import type { DeclaredCrs, FeatureSource, SourceFeature } from './source.ts'

const PARTS = ['.shp', '.dbf', '.prj', '.cpg'] as const
type Part = (typeof PARTS)[number]

/**
 * Reads a zipped Shapefile. The members are unpacked to a temporary folder with streams (bounded
 * memory), then `shapefile` reads .shp/.dbf record by record. The CRS comes from .prj, the attribute
 * encoding from --encoding, else .cpg, else UTF-8 (GBK files without .cpg need --encoding gbk; text that
 * does not decode is rejected rather than stored as mojibake).
 */
export function openShapefileZip(
  path: string,
  options: { encoding?: string | undefined; limits: ImportLimits },
): FeatureSource {
  const file = basename(path)
  let declared: DeclaredCrs | undefined
  let dir: string | undefined
  const notes: string[] = []
  return {
    format: 'shapefile',
    declaredCrs: () => declared,
    notes: () => notes,
    async close() {
      if (dir) await rm(dir, { recursive: true, force: true })
      dir = undefined
    },
    async *features(): AsyncGenerator<SourceFeature> {
      dir = await mkdtemp(join(tmpdir(), 'onemap-import-'))
      const parts = await unpack(path, file, dir, options.limits)
      if (!parts['.shp'])
        throw unreadable(`${file} holds no .shp file; zip the .shp, .shx, .dbf, .prj (and .cpg) of one layer`)
      if (!parts['.dbf']) throw unreadable(`${file} has a .shp but no .dbf with its attributes`)
      if (parts['.prj']) {
        const prj = crsFromPrj(await readFile(parts['.prj'], 'utf8'))
        if (!prj.crs) throw unreadable(`${file}: ${prj.reason}; reproject the data or pass --crs`)
        declared = { crs: prj.crs, from: `${basename(parts['.prj'])}` }
      }
      const cpg = parts['.cpg'] ? (await readFile(parts['.cpg'], 'latin1')).trim() : undefined
      const encoding = dbfEncoding(options.encoding, cpg, file)
      notes.push(`attributes decoded as ${encoding.label} (${encoding.from})`)
      const source = await shapefile.open(parts['.shp'], parts['.dbf'], { encoding: encoding.label })
      for (let n = 1; ; n++) {
        let next: Awaited<ReturnType<typeof source.read>>
        try {
          next = await source.read()
        } catch (err) {
          throw unreadable(`${file}: record ${n} cannot be read (${err instanceof Error ? err.message : String(err)})`)
        }
        if (next.done) {
          if (n === 1) throw unreadable(`${file} holds no features`)
          return
        }
        const properties = (next.value.properties ?? {}) as Record<string, unknown>
        const garbled = Object.entries(properties).find(([, v]) => typeof v === 'string' && v.includes('\uFFFD'))
        const feature: SourceFeature = {
          where: `record ${n}`,
          id: undefined,
          properties,
          geometry: next.value.geometry,
        }
        if (garbled) {
          feature.geometryError =
            `attribute ${garbled[0]} does not decode as ${encoding.label}; ` +
            'pass --encoding gbk (or the right code page) or add a .cpg to the zip'
        }
        yield feature
      }
    },
  }
}

/**
 * Extracts the layer's members; refuses archives with several layers, damaged or truncated zips, and
 * members whose declared size passes the limits. yauzl checks while inflating that a member yields exactly
 * its declared size, so a member cannot unpack to more than it declared.
 */
async function unpack(
  path: string,
  file: string,
  dir: string,
  limits: ImportLimits,
): Promise<Partial<Record<Part, string>>> {
  const found: Partial<Record<Part, string>> = {}
  let total = 0
  let zip: yauzl.ZipFile
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false })
  } catch (err) {
    throw unreadable(`${file} is not a readable zip archive (truncated or damaged?): ${errorText(err)}`)
  }
  try {
    for await (const entry of zip.eachEntry()) {
      const name = entry.fileName
      const part = extname(name).toLowerCase() as Part
      if (name.endsWith('/') || name.includes('__MACOSX') || !PARTS.includes(part)) continue
      if (found[part]) throw unreadable(`${file} holds more than one ${part} file; zip one layer per archive`)
      total += entry.uncompressedSize
      if (entry.uncompressedSize > limits.memberBytes) {
        throw unreadable(
          `${file}: ${name} unpacks to ${formatBytes(entry.uncompressedSize)}; the importer takes members up to ${formatBytes(limits.memberBytes)}`,
        )
      }
      if (total > limits.totalBytes) {
        throw unreadable(
          `${file} unpacks to more than ${formatBytes(limits.totalBytes)} in all; split the layer into several files`,
        )
      }
      const target = join(dir, `layer${part}`)
      await pipeline(await zip.openReadStreamPromise(entry), createWriteStream(target))
      found[part] = target
    }
  } catch (err) {
    if (err instanceof Error && err.name === 'ImportError') throw err
    throw unreadable(`${file} is a damaged or truncated zip archive: ${errorText(err)}`)
  } finally {
    zip.close()
  }
  return found
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err))
