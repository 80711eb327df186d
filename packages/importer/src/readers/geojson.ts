import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { TokenParser, Tokenizer } from '@streamparser/json'
import { parseCrsName } from '@onemap/geo/crs'
import { unreadable } from '../errors.ts'
import type { DeclaredCrs, FeatureSource, SourceFeature } from './source.ts'

/**
 * Streams a GeoJSON FeatureCollection feature by feature. Only one read chunk and the features it
 * completes are in memory at a time (keepStack: false drops each feature once emitted), so a 200 MB file
 * needs a few MB of heap. The tokenizer and token parser are wired by hand, rather than through
 * JSONParser, to know the byte offset of the last token and turn a syntax error into a line number.
 */
export function openGeoJson(path: string): FeatureSource {
  const file = basename(path)
  let declared: DeclaredCrs | undefined
  return {
    format: 'geojson',
    declaredCrs: () => declared,
    notes: () => [],
    close: async () => {},
    async *features(): AsyncGenerator<SourceFeature> {
      if ((await stat(path)).size === 0) throw unreadable(`${file} is empty (0 bytes)`)
      const tokenizer = new Tokenizer()
      const parser = new TokenParser({ paths: ['$.type', '$.crs', '$.features.*'], keepStack: false })
      const queue: SourceFeature[] = []
      let count = 0
      let topType: unknown
      let lastOffset = 0
      tokenizer.onToken = (token) => {
        lastOffset = token.offset
        parser.write(token)
      }
      parser.onValue = ({ value, key, stack }) => {
        if (stack.length === 1 && key === 'type') topType = value
        else if (stack.length === 1 && key === 'crs') {
          if (count > 0)
            throw unreadable(`${file}: the "crs" member comes after the features; move it before them or pass --crs`)
          declared = readCrsMember(value, file)
        } else if (stack.length === 2) queue.push(toSourceFeature(value, ++count))
      }
      const lines = new LineCounter()
      const syntaxError = (err: unknown) => {
        if (err instanceof Error && err.name === 'ImportError') return err
        const detail = err instanceof Error ? err.message.replace(/ in state \w+$/, '') : String(err)
        return unreadable(`${file} is not valid JSON near line ${lines.lineAt(lastOffset)}: ${detail}`)
      }
      for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
        try {
          tokenizer.write(chunk)
        } catch (err) {
          lines.add(chunk)
          throw syntaxError(err)
        }
        lines.add(chunk)
        // The parser runs synchronously per chunk; hand over what this chunk completed before reading on.
        for (const feature of queue.splice(0)) yield feature
      }
      try {
        // A complete document ends the token parser by itself; only an unfinished one needs ending here.
        if (!tokenizer.isEnded) tokenizer.end()
        if (!parser.isEnded) parser.end()
      } catch (err) {
        throw unreadable(
          `${file} ends before the JSON is complete (truncated?): ${syntaxError(err).message.split(': ').pop()}`,
        )
      }
      if (topType !== 'FeatureCollection') {
        throw unreadable(
          `${file} is not a GeoJSON FeatureCollection (its "type" is ${JSON.stringify(topType ?? null)}); ` +
            'wrap features in {"type": "FeatureCollection", "features": [...]}',
        )
      }
      if (count === 0) throw unreadable(`${file} holds no features`)
    },
  }
}

/** The pre-RFC 7946 "crs" member, as ogr2ogr still writes it for projected data. */
function readCrsMember(value: unknown, file: string): DeclaredCrs {
  const name = (value as { properties?: { name?: unknown } } | null)?.properties?.name
  const crs = typeof name === 'string' ? parseCrsName(name) : undefined
  if (!crs) {
    throw unreadable(
      `${file} declares the CRS ${JSON.stringify(name ?? value)}, which OneMap does not read; ` +
        'reproject to EPSG:4490 or pass --crs with one of EPSG:4490, 4326, 4547, 4526, GCJ-02, BD-09',
    )
  }
  return { crs, from: `the file's "crs" member (${String(name)})` }
}

function toSourceFeature(value: unknown, n: number): SourceFeature {
  const where = `feature ${n}`
  if (typeof value !== 'object' || value === null || (value as { type?: unknown }).type !== 'Feature') {
    return { where, id: undefined, properties: {}, geometry: null, geometryError: 'is not a GeoJSON Feature object' }
  }
  const f = value as { id?: unknown; properties?: unknown; geometry?: unknown }
  const id = typeof f.id === 'string' || typeof f.id === 'number' ? f.id : undefined
  const properties =
    typeof f.properties === 'object' && f.properties !== null ? (f.properties as Record<string, unknown>) : {}
  return { where, id, properties, geometry: f.geometry ?? null }
}

/** Maps byte offsets to 1-based line numbers without keeping the file: counts newlines per chunk. */
class LineCounter {
  private start = 0
  private linesBefore = 1
  private chunk: Buffer = Buffer.alloc(0)

  add(chunk: Buffer) {
    this.linesBefore += count(this.chunk, this.chunk.length)
    this.start += this.chunk.length
    this.chunk = chunk
  }

  lineAt(offset: number): number {
    const within = offset - this.start
    return within <= 0 ? this.linesBefore : this.linesBefore + count(this.chunk, Math.min(within, this.chunk.length))
  }
}

function count(buffer: Buffer, end: number): number {
  let n = 0
  for (let i = buffer.indexOf(10); i !== -1 && i < end; i = buffer.indexOf(10, i + 1)) n++
  return n
}
