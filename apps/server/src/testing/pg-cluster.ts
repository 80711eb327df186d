import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { promisify } from 'node:util'
import pg from 'pg'

const run = promisify(execFile)

/**
 * Private PostgreSQL clusters for tests and benchmarks of the scale-out setup: a primary and streaming
 * replicas made with `pg_basebackup -R`, from Debian's server binaries. PostgreSQL refuses to run as
 * root, so as root every server command runs as the `postgres` user (runuser), as .ci/postgres.sh does.
 */
export interface PgCluster {
  readonly port: number
  readonly dir: string
  /** postgres:// URL of the `onemap` superuser on the `postgres` database. */
  readonly url: string
  /** Runs one statement as the superuser on a short-lived connection. */
  sql<R extends pg.QueryResultRow>(text: string, params?: unknown[]): Promise<R[]>
  start(): Promise<void>
  /** Fast shutdown (open connections are cut): what a restart or an outage looks like to clients. */
  stop(): Promise<void>
  /** Stops the cluster and deletes its folder. */
  remove(): Promise<void>
}

export interface ClusterOptions {
  /** Folder name prefix under /tmp, e.g. /tmp/onemap-scale-primary-. */
  prefix: string
  port: number
  /**
   * false (tests): fsync off, a crash may lose the last commits. true (benchmarks): PostgreSQL's
   * defaults, so edit timings include the WAL flush a production server pays.
   */
  durable?: boolean
}

/** The newest installed server's bin folder (/usr/lib/postgresql/N/bin), or undefined without one. */
export function postgresBinaries(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const newest = readdirSync(root)
    .filter((d) => existsSync(`${root}/${d}/bin/pg_ctl`) && existsSync(`${root}/${d}/bin/pg_basebackup`))
    .sort((a, b) => Number(a) - Number(b))
    .at(-1)
  return newest && `${root}/${newest}/bin`
}

/**
 * A loopback port in from…to that nothing listens on now, probing from a random place in the range
 * so that test files starting clusters at the same time rarely pick the same one.
 */
export async function freePort(from: number, to: number): Promise<number> {
  const span = to - from + 1
  const offset = Math.floor(Math.random() * span)
  for (let i = 0; i < span; i++) {
    const port = from + ((offset + i) % span)
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer()
      probe.once('error', () => resolve(false))
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
    })
    if (free) return port
  }
  throw new Error(`No free loopback port in ${from}–${to}`)
}

const asRoot = process.getuid?.() === 0

/** Runs a command as the postgres user when we are root, else as ourselves; resolves with its stdout. */
async function asPostgres(file: string, args: string[]): Promise<string> {
  const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args]
  try {
    return (await run(command, argv, { maxBuffer: 16 * 1024 * 1024 })).stdout
  } catch (err) {
    const e = err as { stderr?: string; message: string }
    throw new Error(`${file.split('/').pop()} ${args.join(' ')} failed: ${e.stderr || e.message}`)
  }
}

/** A folder under /tmp the postgres user owns (mode 700, as the server requires). */
async function clusterFolder(prefix: string): Promise<string> {
  const dir = mkdtempSync(prefix)
  rmSync(dir, { recursive: true })
  await asPostgres('mkdir', ['-m', '700', dir])
  return dir
}

function cluster(bin: string, dir: string, port: number, durable: boolean): PgCluster {
  const url = `postgres://onemap:onemap@127.0.0.1:${port}/postgres`
  const settings = ['-p', port, '-k', '/tmp', '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300']
  if (!durable) settings.push('-c', 'fsync=off')
  let running = false
  const self: PgCluster = {
    port,
    dir,
    url,
    async sql(text, params) {
      const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' })
      await client.connect()
      try {
        return (await client.query(text, params)).rows
      } finally {
        await client.end()
      }
    },
    async start() {
      // -w waits until the server accepts connections (a replica: until it is consistent and open for reads).
      await asPostgres(`${bin}/pg_ctl`, [
        '-D',
        dir,
        '-l',
        `${dir}/server.log`,
        '-w',
        '-t',
        '120',
        '-o',
        settings.join(' '),
        'start',
      ])
      running = true
    },
    async stop() {
      if (!running) return
      running = false
      await asPostgres(`${bin}/pg_ctl`, ['-D', dir, '-m', 'fast', '-w', 'stop'])
    },
    async remove() {
      await self.stop().catch(() => {})
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return self
}

/** initdb + start + the `onemap` superuser that OneMap connects as. */
export async function createPrimary(options: ClusterOptions): Promise<PgCluster> {
  const bin = requireBinaries()
  const dir = await clusterFolder(options.prefix)
  await asPostgres(`${bin}/initdb`, ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'])
  const primary = cluster(bin, dir, options.port, options.durable ?? false)
  await primary.start()
  await primary.sql("CREATE ROLE onemap LOGIN SUPERUSER PASSWORD 'onemap'")
  return primary
}

/** A streaming replica of `primary`: pg_basebackup -R (standby.signal + primary_conninfo), then start. */
export async function createReplica(primary: PgCluster, options: ClusterOptions): Promise<PgCluster> {
  const bin = requireBinaries()
  const dir = await clusterFolder(options.prefix)
  await asPostgres(`${bin}/pg_basebackup`, [
    '-h',
    '127.0.0.1',
    '-p',
    String(primary.port),
    '-U',
    'postgres',
    '-D',
    dir,
    '-R',
    '-X',
    'stream',
    '-c',
    'fast',
  ])
  const replica = cluster(bin, dir, options.port, options.durable ?? false)
  await replica.start()
  return replica
}

/**
 * Resolves once `replica` has replayed everything `primary` had written when called: checks the
 * replay position against the primary's WAL position until it is reached (polling one small query).
 */
export async function caughtUp(primary: PgCluster, replica: PgCluster, timeoutMs = 30_000): Promise<void> {
  const [{ lsn } = { lsn: '' }] = await primary.sql<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const [row] = await replica.sql<{ done: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [lsn])
    if (row?.done) return
    if (Date.now() > deadline)
      throw new Error(`replica on ${replica.port} did not replay up to ${lsn} within ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Stops applying WAL on a replica (it keeps receiving it): from now on it lags the primary. */
export async function pauseReplay(replica: PgCluster): Promise<void> {
  await replica.sql('SELECT pg_wal_replay_pause()')
}

export async function resumeReplay(replica: PgCluster): Promise<void> {
  await replica.sql('SELECT pg_wal_replay_resume()')
}

function requireBinaries(): string {
  const bin = postgresBinaries()
  if (!bin)
    throw new Error(
      'PostgreSQL server binaries not found under /usr/lib/postgresql (Debian: apt-get install postgresql)',
    )
  return bin
}
