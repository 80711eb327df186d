import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SAMPLE_RESPONSIBILITY_SQL, SAMPLE_UNITS_SQL } from '@onemap/db/queries/duban/sample'
import { parseUnitsCsv } from '@onemap/domain/units-csv'
import type { ClientBase } from 'pg'
import { DATA_DIR } from './digitise/paths.ts'
import { SAMPLE_ACTOR } from './sample-layers.ts'

/** The sample responsible units (data/units.sample.csv), parsed by the same rules as an admin's CSV import. */
export function readSampleUnits(dir: string = DATA_DIR) {
  return parseUnitsCsv(readFileSync(join(dir, 'units.sample.csv'), 'utf8'))
}

/**
 * Writes the sample units and the invented lead units and investments of every programme item, on the
 * caller's client (inside the seed's transaction). Everything is flagged is_sample.
 */
export async function loadDubanSample(client: ClientBase, units = readSampleUnits()): Promise<void> {
  await client.query(SAMPLE_UNITS_SQL, [JSON.stringify(units), SAMPLE_ACTOR])
  await client.query(SAMPLE_RESPONSIBILITY_SQL, [SAMPLE_ACTOR])
}
