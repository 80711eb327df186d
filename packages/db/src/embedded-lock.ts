import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { DatabaseOpenError } from './errors.ts'

export interface FolderLock {
  release(): void
}

/**
 * Two processes writing one PGlite folder corrupt it, so the folder is guarded by `<folder>.lock`
 * holding the owner's pid and that process's start time (from /proc, where there is one). A lock is
 * taken over only when its owner is certainly not a live OneMap: the pid is gone, is a zombie (killed
 * but not yet reaped by its parent), was reused by a process started at another time, or — for a lock
 * without a start time — runs something other than node. The new lock is created exclusively, so
 * two processes taking over at once cannot both win.
 */
export function takeFolderLock(dataDir: string): FolderLock {
  const path = `${dataDir}.lock`
  mkdirSync(dirname(path), { recursive: true })
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${process.pid} ${startTime(process.pid) ?? ''}`.trim(), { flag: 'wx' })
      let held = true
      const release = () => {
        if (!held) return
        held = false
        rmSync(path, { force: true })
        process.off('exit', release)
      }
      // Also on process.exit() from a shutdown that could not close the database in time.
      process.on('exit', release)
      return { release }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
    const owner = readOwner(path)
    if (owner && ownerIsLive(owner)) {
      throw new DatabaseOpenError(
        `The embedded database ${dataDir} is in use by process ${owner.pid}. Stop that process first, ` +
          'or set DATABASE_URL to share a PostgreSQL server between processes.',
      )
    }
    rmSync(path, { force: true })
  }
  throw new DatabaseOpenError(
    `Another process took the lock of the embedded database ${dataDir} at the same moment; try again.`,
  )
}

interface Owner {
  pid: number
  startTime: string | undefined
}

function readOwner(path: string): Owner | undefined {
  let text: string
  try {
    text = readFileSync(path, 'utf8').trim()
  } catch {
    return undefined
  }
  const [pid, start] = text.split(/\s+/)
  const n = Number(pid)
  return Number.isSafeInteger(n) && n > 0 ? { pid: n, startTime: start || undefined } : undefined
}

function ownerIsLive(owner: Owner): boolean {
  if (owner.pid === process.pid) return true
  try {
    process.kill(owner.pid, 0)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  const stat = procStat(owner.pid)
  if (!stat) return !existsSync('/proc/self/stat') // no /proc (macOS): a live pid is all we can know
  if (stat.state === 'Z' || stat.state === 'X') return false
  if (owner.startTime) return stat.startTime === owner.startTime
  // A lock from before start times were recorded: OneMap always runs under node.
  return /(^|\/)node[\d.]*$/.test(cmdline(owner.pid).split('\0')[0] ?? '')
}

/** Start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat), if known. */
function startTime(pid: number): string | undefined {
  return procStat(pid)?.startTime
}

function procStat(pid: number): { state: string; startTime: string } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) is in parentheses and may contain spaces: split after its last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
    return { state: fields[0] ?? '', startTime: fields[19] ?? '' }
  } catch {
    return undefined
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8')
  } catch {
    return ''
  }
}
