import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { backupDatabase } from '@onemap/db/backup/dump'
import type { SessionUser } from '@onemap/api/context'
import type { Database } from '@onemap/db/database'
import type { FastifyInstance, FastifyRequest } from 'fastify'

/**
 * How `pnpm onemap users …` reaches a running server that holds the embedded database (its folder has one
 * owner). On listening the server writes `<data dir>.admin.json` — its URL and a random token, new at every
 * start — readable by its OS user only (mode 0600), and deletes it on close. A request carrying that token,
 * from this same host, acts as an admin named `cli:<os user>`. Whoever can read the file can already read
 * the database folder itself, so the token grants nothing more than that; it never leaves the machine.
 */
export const LOCAL_ADMIN_HEADER = 'x-onemap-local-admin'
export const LOCAL_ACTOR_HEADER = 'x-onemap-local-actor'

export interface LocalAdminFile {
  pid: number
  url: string
  token: string
}

export const localAdminPath = (dataDir: string) => `${dataDir}.admin.json`

let tokenDigest: Buffer | undefined
const digest = (token: string) => createHash('sha256').update(token).digest()

/** Path of the backup the local command line may fetch from a server holding the embedded database. */
export const LOCAL_BACKUP_PATH = '/local-admin/backup'

/**
 * Writes the token file once the server listens (embedded backend only) and removes it on close; serves
 * `GET /local-admin/backup` to token holders, so the embedded database can be backed up without stopping.
 */
export function publishLocalAdmin(app: FastifyInstance, db: Database, dataDir: string): void {
  if (db.kind !== 'embedded') return
  const path = localAdminPath(dataDir)
  app.get(LOCAL_BACKUP_PATH, async (request, reply) => {
    if (!localAdminUser(request))
      return reply
        .status(403)
        .send({ code: 'forbidden', description: 'Only the local command line may fetch a backup' })
    const dir = mkdtempSync(join(tmpdir(), 'onemap-backup-'))
    const file = join(dir, 'backup.onemap.gz')
    try {
      await backupDatabase(db, file)
    } catch (err) {
      rmSync(dir, { recursive: true, force: true })
      throw err
    }
    const stream = createReadStream(file).on('close', () => rmSync(dir, { recursive: true, force: true }))
    return reply.header('content-type', 'application/gzip').send(stream)
  })
  app.addHook('onListen', async () => {
    const address = app.server.address()
    if (!address || typeof address !== 'object') return
    const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address
    const token = randomBytes(32).toString('base64url')
    const file: LocalAdminFile = {
      pid: process.pid,
      url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
      token,
    }
    rmSync(path, { force: true })
    writeFileSync(path, JSON.stringify(file), { mode: 0o600, flag: 'wx' })
    tokenDigest = digest(token)
  })
  app.addHook('onClose', async () => {
    tokenDigest = undefined
    rmSync(path, { force: true })
  })
}

/** The local command line as an admin when the request carries this process's token from this host; else null. */
export function localAdminUser(request: FastifyRequest): SessionUser | null {
  const token = request.headers[LOCAL_ADMIN_HEADER]
  if (!tokenDigest || typeof token !== 'string') return null
  const { remoteAddress, localAddress } = request.socket
  const sameHost =
    remoteAddress === localAddress ||
    remoteAddress === '127.0.0.1' ||
    remoteAddress === '::1' ||
    remoteAddress === '::ffff:127.0.0.1'
  if (!sameHost || !timingSafeEqual(digest(token), tokenDigest)) return null
  const actor =
    String(request.headers[LOCAL_ACTOR_HEADER] ?? '')
      .replace(/[^A-Za-z0-9_.-]/g, '')
      .slice(0, 32) || 'unknown'
  return { id: 0, name: `cli:${actor}`, role: 'admin' }
}

/** The running server's token file for `dataDir`, or null when there is none or its process is gone. */
export function readLocalAdmin(dataDir: string): LocalAdminFile | null {
  try {
    const file = JSON.parse(readFileSync(localAdminPath(dataDir), 'utf8')) as LocalAdminFile
    process.kill(file.pid, 0)
    return file
  } catch {
    return null
  }
}
