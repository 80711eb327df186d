import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { digitiseAll } from './index.ts'
import { DATA_DIR } from './paths.ts'

// Writes the sample layers into data/; the output depends on nothing but this code, so it is reproducible.
for (const [name, text] of digitiseAll()) {
  writeFileSync(join(DATA_DIR, name), text)
  console.log(`wrote data/${name} (${text.length} bytes)`)
}
