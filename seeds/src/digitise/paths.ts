import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository's data/ folder, found from this module's location (not the working directory). */
export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data')
