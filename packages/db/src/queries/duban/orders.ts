import type { DubanEntity, OrderState } from '@onemap/domain/duban'
import type pg from 'pg'
import type { Queryable } from './queryable.ts'
import type { Database } from '../../database.ts'

export interface OrderItemRef {
  entity: DubanEntity
  id: string
  /** Display name (road name for segments and roads, facility name). */
  nameZh: string | null
  nameEn: string | null
}

export interface OrderRow {
  id: number
  unitId: string
  unitNameZh: string
  unitNameEn: string
  request: string
  dueOn: string
  state: OrderState
  issuedBy: string
  issuedAt: string
  updatedAt: string
  version: number
  items: OrderItemRef[]
}

const ORDER_SELECT = `SELECT o.id::int AS id, o.unit_id AS "unitId", u.name_zh AS "unitNameZh", u.name_en AS "unitNameEn",
    o.request, o.due_on::text AS "dueOn", o.state, o.issued_by AS "issuedBy",
    to_char(o.issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "issuedAt",
    to_char(o.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt", o.version,
    coalesce((SELECT json_agg(json_build_object('entity', i.entity, 'id', i.entity_id,
        'nameZh', coalesce(r.name_zh, rs.name_zh, f.name_zh), 'nameEn', coalesce(r.name_en, rs.name_en, f.name_en))
        ORDER BY i.entity, i.entity_id)
       FROM order_items i
       LEFT JOIN roads r ON i.entity = 'road' AND r.id = i.entity_id
       LEFT JOIN road_segments s ON i.entity = 'road_segment' AND s.id = i.entity_id
       LEFT JOIN roads rs ON rs.id = s.road_id
       LEFT JOIN facilities f ON i.entity = 'facility' AND f.id = i.entity_id
      WHERE i.order_id = o.id), '[]') AS items
  FROM orders o JOIN units u ON u.id = o.unit_id`

export interface OrderFilter {
  /** Only this unit's orders (a unit account's scope). */
  unitId?: string | null
  /** Only orders in these states. */
  states?: readonly OrderState[]
  /** Only orders on this item. */
  item?: { entity: DubanEntity; id: string }
}

/** Orders, newest first, filtered by unit, states and item. */
export async function listOrders(db: Database, f: OrderFilter = {}): Promise<OrderRow[]> {
  const { rows } = await db.query<OrderRow>(
    `${ORDER_SELECT}
      WHERE ($1::text IS NULL OR o.unit_id = $1)
        AND ($2::text[] IS NULL OR o.state = ANY($2::text[]))
        AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id AND i.entity = $3 AND i.entity_id = $4))
      ORDER BY o.id DESC`,
    [f.unitId ?? null, f.states ?? null, f.item?.entity ?? null, f.item?.id ?? null],
  )
  return rows
}

/** One order, or null. */
export async function readOrder(db: Queryable, id: number): Promise<OrderRow | null> {
  const { rows } = await db.query<OrderRow>(`${ORDER_SELECT} WHERE o.id = $1`, [id])
  return rows[0] ?? null
}

/** Inserts an order with its items in the caller's transaction; returns its id. */
export async function insertOrder(
  client: pg.PoolClient,
  o: {
    unitId: string
    request: string
    dueOn: string
    issuedBy: string
    items: readonly { entity: DubanEntity; id: string }[]
  },
): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO orders (unit_id, request, due_on, state, issued_by) VALUES ($1, $2, $3, 'issued', $4) RETURNING id::int AS id`,
    [o.unitId, o.request, o.dueOn, o.issuedBy],
  )
  const id = rows[0]!.id
  await client.query(
    `INSERT INTO order_items (order_id, entity, entity_id) SELECT $1, e, i FROM unnest($2::text[], $3::text[]) AS t(e, i)`,
    [id, o.items.map((i) => i.entity), o.items.map((i) => i.id)],
  )
  return id
}

/** Moves an order from `from` to `to` only if it is still in `from` at `expectedVersion`; the new version or null. */
export async function moveOrder(
  client: pg.PoolClient,
  id: number,
  expectedVersion: number,
  from: OrderState,
  to: OrderState,
): Promise<number | null> {
  const { rows } = await client.query<{ version: number }>(
    `UPDATE orders SET state = $4, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 AND state = $3 RETURNING version`,
    [id, expectedVersion, from, to],
  )
  return rows[0]?.version ?? null
}

/** Open orders (not accepted) with their items, for the card rules: keyed `entity:id`. */
export async function openOrdersByItem(
  db: Database,
): Promise<Map<string, { id: number; state: OrderState; dueOn: string; unitId: string }[]>> {
  const { rows } = await db.query<{ key: string; id: number; state: OrderState; dueOn: string; unitId: string }>(
    `SELECT i.entity || ':' || i.entity_id AS key, o.id::int AS id, o.state, o.due_on::text AS "dueOn", o.unit_id AS "unitId"
       FROM orders o JOIN order_items i ON i.order_id = o.id
      WHERE o.state <> 'accepted' ORDER BY o.id`,
  )
  const out = new Map<string, { id: number; state: OrderState; dueOn: string; unitId: string }[]>()
  for (const { key, ...o } of rows) out.set(key, [...(out.get(key) ?? []), o])
  return out
}
