// Child process of login-burst.test.ts: serves a fresh seeded database on a loopback port, so the
// server's event loop is not shared with the test's HTTP client. Prints the port; stops when stdin ends.
import { hashPassword } from '@onemap/api/passwords'
import { createAccount } from '@onemap/db/queries/accounts'
import { openSeededTestDatabase } from '@onemap/seeds/testing'
import { createServer } from '../app.ts'

const db = await openSeededTestDatabase()
await createAccount(db, { name: 'burst-user', role: 'planner', passwordHash: await hashPassword('burst-password') })
const app = await createServer({ db })
await app.listen({ port: 0, host: '127.0.0.1' })
const address = app.server.address()
console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }))
process.stdin.resume()
process.stdin.on('end', () => {
  void app
    .close()
    .then(() => db.close())
    .then(() => process.exit(0))
})
