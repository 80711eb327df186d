// `npm start`: install, build the web app, then open/migrate/seed the database and serve.
import { ROOT, install, pnpmStep, run, say } from './workspace.mjs'

await install()
await pnpmStep('Building the web app …', ['turbo', 'run', 'build', '--filter=@onemap/web', '--output-logs=errors-only'])
say('Starting the server …')
const code = await run(`${ROOT}apps/server/node_modules/.bin/tsx`, ['src/main.ts'], { cwd: `${ROOT}apps/server` })
process.exit(code)
