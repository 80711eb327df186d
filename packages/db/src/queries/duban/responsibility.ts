import type { DubanEntity } from '@onemap/domain/duban'
import type pg from 'pg'
import type { Queryable } from './queryable.ts'
import type { Database } from '../../database.ts'
import { areaOf } from '../places.ts'

/** The table of each 督办 entity: a fixed catalogue, never built from input. */
export const ITEM_TABLES: Record<DubanEntity, string> = {
  road_segment: 'road_segments',
  road: 'roads',
  facility: 'facilities',
}

/** Who answers for an item and what it costs, in 万元 (10 000 yuan). */
export interface Responsibility {
  entity: DubanEntity
  entityId: string
  leadUnit: string | null
  coUnits: string[]
  plannedInvestment: number | null
  completedInvestment: number | null
  fundingSource: string | null
  isSample: boolean
  version: number
  updatedBy: string | null
  updatedAt: string | null
}

const COLUMNS = `entity, entity_id AS "entityId", lead_unit AS "leadUnit", co_units AS "coUnits",
  planned_investment::float8 AS "plannedInvestment", completed_investment::float8 AS "completedInvestment",
  funding_source AS "fundingSource", is_sample AS "isSample", version, updated_by AS "updatedBy",
  to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt"`

/** Whether the item exists in its own table. */
export async function itemExists(db: Queryable, entity: DubanEntity, id: string): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM ${ITEM_TABLES[entity]} WHERE id = $1`, [id])
  return rows.length > 0
}

/** The item's responsibility row; a blank one at version 0 when nothing was recorded yet. */
export async function readResponsibility(db: Queryable, entity: DubanEntity, id: string): Promise<Responsibility> {
  const { rows } = await db.query<Responsibility>(
    `SELECT ${COLUMNS} FROM item_responsibility WHERE entity = $1 AND entity_id = $2`,
    [entity, id],
  )
  return (
    rows[0] ?? {
      entity,
      entityId: id,
      leadUnit: null,
      coUnits: [],
      plannedInvestment: null,
      completedInvestment: null,
      fundingSource: null,
      isSample: false,
      version: 0,
      updatedBy: null,
      updatedAt: null,
    }
  )
}

export type ResponsibilityWrite = Pick<
  Responsibility,
  'entity' | 'entityId' | 'leadUnit' | 'coUnits' | 'plannedInvestment' | 'completedInvestment' | 'fundingSource'
> & {
  expectedVersion: number
  actor: string
}

/**
 * Writes the row only if it still has `expectedVersion` (0: none yet), in the caller's transaction.
 * Returns the new version, or null when someone else wrote first. A planner's write clears the sample flag.
 */
export async function writeResponsibility(client: pg.PoolClient, w: ResponsibilityWrite): Promise<number | null> {
  const params = [
    w.entity,
    w.entityId,
    w.leadUnit,
    w.coUnits,
    w.plannedInvestment,
    w.completedInvestment,
    w.fundingSource,
    w.actor,
  ]
  if (w.expectedVersion === 0) {
    const { rows } = await client.query<{ version: number }>(
      `INSERT INTO item_responsibility (entity, entity_id, lead_unit, co_units, planned_investment, completed_investment, funding_source, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING version`,
      params,
    )
    return rows[0]?.version ?? null
  }
  const { rows } = await client.query<{ version: number }>(
    `UPDATE item_responsibility SET lead_unit = $3, co_units = $4, planned_investment = $5, completed_investment = $6,
            funding_source = $7, updated_by = $8, updated_at = now(), is_sample = false, version = version + 1
      WHERE entity = $1 AND entity_id = $2 AND version = $9 RETURNING version`,
    [...params, w.expectedVersion],
  )
  return rows[0]?.version ?? null
}

/** Investment of one item with the place it counts in (the rule of places.ts; a road by a point on its segments). */
export interface InvestmentRow {
  entity: DubanEntity
  entityId: string
  leadUnit: string | null
  subDistrict: string | null
  planned: number
  completed: number
  isSample: boolean
}

/** Every item with recorded investment, placed in its sub-district. */
export async function loadInvestments(db: Database): Promise<InvestmentRow[]> {
  const anchor = `CASE r.entity
      WHEN 'road_segment' THEN (SELECT ST_LineInterpolatePoint(s.geom, 0.5) FROM road_segments s WHERE s.id = r.entity_id)
      WHEN 'facility' THEN (SELECT f.geom FROM facilities f WHERE f.id = r.entity_id)
      ELSE (SELECT ST_PointOnSurface(ST_Collect(s.geom)) FROM road_segments s WHERE s.road_id = r.entity_id) END`
  const { rows } = await db.query<InvestmentRow>(
    `SELECT r.entity, r.entity_id AS "entityId", r.lead_unit AS "leadUnit", ${areaOf('sub_districts', `(${anchor})`)} AS "subDistrict",
            coalesce(r.planned_investment, 0)::float8 AS planned, coalesce(r.completed_investment, 0)::float8 AS completed,
            r.is_sample AS "isSample"
       FROM item_responsibility r
      WHERE r.planned_investment IS NOT NULL OR r.completed_investment IS NOT NULL
      ORDER BY r.entity, r.entity_id`,
  )
  return rows
}

/** Lead units of every item that has one, keyed `entity:id`. */
export async function loadLeadUnits(db: Database): Promise<Map<string, string>> {
  const { rows } = await db.query<{ key: string; leadUnit: string }>(
    `SELECT entity || ':' || entity_id AS key, lead_unit AS "leadUnit" FROM item_responsibility WHERE lead_unit IS NOT NULL`,
  )
  return new Map(rows.map((r) => [r.key, r.leadUnit]))
}
