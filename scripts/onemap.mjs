// `pnpm onemap …` / `npm run onemap -- …`: the command-line tools (seed, import, users, …).
import { ROOT, install, run } from './workspace.mjs'

await install()
const code = await run(`${ROOT}apps/server/node_modules/.bin/tsx`, [
  `${ROOT}apps/server/src/cli.ts`,
  ...process.argv.slice(2),
])
process.exit(code)
