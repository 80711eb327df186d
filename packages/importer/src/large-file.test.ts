import { execFile } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { writeTemp } from './test-files.ts'

/**
 * Imports, in a child process whose old-space heap is capped, a GeoJSON file larger than the heap left
 * once the database is open (the embedded database alone takes ≈ 60 MB of JS heap). Reading the file
 * whole would need the file's size as one string plus several times that as objects, so only a streamed
 * import fits. The size is kept modest (≈ 75 MB) so the test stays quick on two slow cores.
 */
const HEAP_MB = 128
const FEATURES = 2_250
const VERTICES = 1_500

async function writeLargeFile(): Promise<{ path: string; bytes: number }> {
  const path = writeTemp('large.geojson', '')
  const out = createWriteStream(path)
  let bytes = 0
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text)
    if (!out.write(text)) await once(out, 'drain')
  }
  await write('{"type":"FeatureCollection","features":[\n')
  for (let i = 0; i < FEATURES; i++) {
    const coords = Array.from(
      { length: VERTICES },
      (_, k) => `[${(113.45 + k * 0.0001).toFixed(6)},${(34.78 + i * 0.00005).toFixed(6)}]`,
    )
    await write(
      `${i ? ',\n' : ''}{"type":"Feature","properties":{"id":"big-${i}","name":"大文件河流 ${i}"},"geometry":{"type":"LineString","coordinates":[${coords.join(',')}]}}`,
    )
  }
  await write('\n]}\n')
  out.end()
  await once(out, 'finish')
  return { path, bytes }
}

it(`imports a GeoJSON larger than the heap under --max-old-space-size=${HEAP_MB}`, async () => {
  const { path, bytes } = await writeLargeFile()
  expect(bytes).toBeGreaterThan((HEAP_MB - 60) * 1024 * 1024)
  const script = fileURLToPath(new URL('./large-file.child.ts', import.meta.url))
  const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url))
  const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) => {
    execFile(
      tsx,
      [script, path],
      { env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` }, maxBuffer: 1 << 20 },
      (err, stdout, stderr) =>
        err ? reject(new Error(`child failed: ${err.message}\n${stderr.slice(-2000)}`)) : resolve({ stdout }),
    )
  })
  const result = JSON.parse(stdout.trim().split('\n').pop() as string) as {
    inserted: number
    stored: number
    heapLimitMb: number
  }
  expect(result.heapLimitMb).toBeLessThan(HEAP_MB * 1.5)
  expect(result).toMatchObject({ inserted: FEATURES, stored: FEATURES })
}, 600_000)
