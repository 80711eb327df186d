import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Committed fixtures (see fixtures/make-fixtures.sh). Test support only. */
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url))

const dir = mkdtempSync(join(tmpdir(), 'onemap-import-test-'))

/** Writes a throw-away input file and returns its path. Test support only. */
export function writeTemp(name: string, content: string | Buffer): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

/** A FeatureCollection text from [properties, geometry] pairs. */
export function featureCollection(
  features: [Record<string, unknown>, unknown][],
  extra: Record<string, unknown> = {},
): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    ...extra,
    features: features.map(([properties, geometry]) => ({ type: 'Feature', properties, geometry })),
  })
}
