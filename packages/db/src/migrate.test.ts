import { afterEach, describe, expect, it } from 'vitest'
import type { Database } from './database.ts'
import { MigrationError } from './errors.ts'
import { currentMigration, migrate, readMigrations, type MigrationFile } from './migrate.ts'
import { openTestDatabase, testBackend } from './testing/test-database.ts'

const opened: Database[] = []
async function emptyDb() {
  const db = await openTestDatabase({ empty: true })
  opened.push(db)
  return db
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()))
})

const tableExists = async (db: Database, name: string) =>
  (await db.query<{ ok: boolean }>('SELECT to_regclass($1) IS NOT NULL AS ok', [`onemap.${name}`])).rows[0]?.ok

function extra(id: number, sql: string): MigrationFile {
  return { id, name: `${String(id).padStart(3, '0')}_extra.sql`, sql, checksum: `test-${id}-${sql.length}` }
}

describe(`migrations (${testBackend})`, () => {
  it('apply every file in order to an empty database', async () => {
    const db = await emptyDb()
    const files = readMigrations()
    expect(await currentMigration(db)).toBe(0)
    const result = await migrate(db)
    expect(result.applied).toEqual(files.map((f) => f.name))
    expect(result.current).toBe(files.length)
    for (const table of ['programme', 'road_segments', 'facilities', 'status_events', 'layer_versions', 'users']) {
      expect(await tableExists(db, table)).toBe(true)
    }
  })

  it('are a no-op when run again', async () => {
    const db = await emptyDb()
    await migrate(db)
    const again = await migrate(db)
    expect(again.applied).toEqual([])
    expect(again.current).toBe(readMigrations().length)
  })

  it('roll a failing file back completely and name it', async () => {
    const db = await emptyDb()
    const files = readMigrations()
    await migrate(db, files)
    const broken = extra(files.length + 1, 'CREATE TABLE half_done (id int); SELECT * FROM no_such_table;')
    const error = await migrate(db, [...files, broken]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MigrationError)
    expect((error as MigrationError).message).toContain(broken.name)
    expect((error as MigrationError).message).toContain('no_such_table')
    expect(await tableExists(db, 'half_done')).toBe(false)
    expect(await currentMigration(db)).toBe(files.length)
  })

  it('refuse to run when an applied file has changed', async () => {
    const db = await emptyDb()
    const files = readMigrations()
    await migrate(db, files)
    const edited = files.map((f, i) => (i === 0 ? { ...f, checksum: 'edited' } : f))
    await expect(migrate(db, edited)).rejects.toThrow(/001_base\.sql.*changed/)
  })

  it('reject a numbering gap in the folder listing', () => {
    const files = readMigrations()
    expect(files.map((f) => f.id)).toEqual(files.map((_, i) => i + 1))
  })
})
