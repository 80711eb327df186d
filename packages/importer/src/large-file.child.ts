// Child process of large-file.test.ts: imports one file into a fresh test database under the heap cap
// the parent set, and prints the outcome as JSON on the last line.
import { getHeapStatistics } from 'node:v8'
import { openTestDatabase } from '@onemap/db/testing'
import { importFile } from './import.ts'

const db = await openTestDatabase()
try {
  const report = await importFile(db, { file: process.argv[2] as string, layer: 'rivers', actor: 'heap-test' })
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM rivers')
  const heapLimitMb = getHeapStatistics().heap_size_limit / 2 ** 20
  console.log(
    JSON.stringify({
      inserted: report.inserted,
      rejected: report.rejected.slice(0, 3),
      stored: rows[0]?.n,
      heapLimitMb,
    }),
  )
} finally {
  await db.close()
}
