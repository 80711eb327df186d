import type { UnitKind } from '@onemap/domain/duban'
import type { Queryable } from './queryable.ts'
import type { Database } from '../../database.ts'

/** A responsible unit (责任单位) as planners see it, contacts included. */
export interface UnitRow {
  id: string
  kind: UnitKind
  nameZh: string
  nameEn: string
  subDistrict: string | null
  contactName: string | null
  contactPhone: string | null
  isSample: boolean
}

const UNIT_COLUMNS = `id, kind, name_zh AS "nameZh", name_en AS "nameEn", sub_district AS "subDistrict",
  contact_name AS "contactName", contact_phone AS "contactPhone", is_sample AS "isSample"`

/** Every unit, sub-district offices first, then bureaus, then contractors. */
export async function listUnits(db: Database): Promise<UnitRow[]> {
  const { rows } = await db.query<UnitRow>(
    `SELECT ${UNIT_COLUMNS} FROM units
      ORDER BY array_position(ARRAY['sub_district', 'bureau', 'contractor'], kind), id`,
  )
  return rows
}

/** The units among `ids` that exist. */
export async function existingUnits(db: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const { rows } = await db.query<{ id: string }>('SELECT id FROM units WHERE id = ANY($1::text[])', [ids])
  return new Set(rows.map((r) => r.id))
}

/**
 * Inserts or updates units by id in one transaction: all rows or none. Returns how many were new and
 * how many changed.
 */
export async function upsertUnits(
  db: Database,
  units: readonly UnitRow[],
  actor: string,
): Promise<{ inserted: number; updated: number }> {
  return db.transaction(async (client) => {
    let inserted = 0
    for (const u of units) {
      const { rows } = await client.query<{ inserted: boolean }>(
        `INSERT INTO units (id, kind, name_zh, name_en, sub_district, contact_name, contact_phone, is_sample, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
           sub_district = EXCLUDED.sub_district, contact_name = EXCLUDED.contact_name, contact_phone = EXCLUDED.contact_phone,
           is_sample = EXCLUDED.is_sample, updated_at = now(), updated_by = EXCLUDED.updated_by
         RETURNING (xmax = 0) AS inserted`,
        [u.id, u.kind, u.nameZh, u.nameEn, u.subDistrict, u.contactName, u.contactPhone, u.isSample, actor],
      )
      if (rows[0]?.inserted) inserted += 1
    }
    return { inserted, updated: units.length - inserted }
  })
}

/** The unit a unit account answers for, or null (not a unit account, or none assigned). */
export async function unitOfAccount(db: Database, userId: number): Promise<string | null> {
  const { rows } = await db.query<{ unitId: string | null }>(
    `SELECT unit_id AS "unitId" FROM users WHERE id = $1 AND role = 'unit'`,
    [userId],
  )
  return rows[0]?.unitId ?? null
}

/** Ties an account to a unit (null unties it). False when there is no such account. */
export async function assignAccountUnit(db: Database, userName: string, unitId: string | null): Promise<boolean> {
  const { rowCount } = await db.query('UPDATE users SET unit_id = $2 WHERE name = $1', [userName, unitId])
  return (rowCount ?? 0) > 0
}
