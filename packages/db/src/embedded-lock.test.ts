import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { takeFolderLock } from './embedded-lock.ts'
import { DatabaseOpenError } from './errors.ts'

const scratch = mkdtempSync(join(tmpdir(), 'onemap-lock-test-'))
const children: ChildProcess[] = []
afterAll(() => {
  for (const c of children) c.kill('SIGKILL')
  rmSync(scratch, { recursive: true, force: true })
})

let n = 0
function folderLockedBy(content: string): string {
  const dir = join(scratch, `db${n++}`)
  writeFileSync(`${dir}.lock`, content)
  return dir
}

/** Runs a shell script and resolves with the first line it prints. */
function firstLine(script: string): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn('sh', ['-c', script])
  children.push(child)
  return new Promise((resolve) =>
    child.stdout.once('data', (d: Buffer) => resolve({ child, line: d.toString().trim() })),
  )
}

function procState(pid: number): string {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return text.slice(text.lastIndexOf(')') + 2).split(' ')[0] ?? ''
}

const onLinux = existsSync('/proc/self/stat')

describe('the embedded folder lock', () => {
  it('refuses a folder held by a live OneMap process (this one, with its start time)', () => {
    const dir = join(scratch, `db${n++}`)
    const lock = takeFolderLock(dir)
    expect(() => takeFolderLock(dir)).toThrow(DatabaseOpenError)
    expect(() => takeFolderLock(dir)).toThrow(/in use by process \d+/)
    lock.release()
    expect(existsSync(`${dir}.lock`)).toBe(false)
    takeFolderLock(dir).release()
  })

  it('takes over a lock whose process is gone', () => {
    // Pid 2^22 + 1 is above Linux's pid_max limit, so no process has it.
    const dir = folderLockedBy('4194305')
    const lock = takeFolderLock(dir)
    expect(readFileSync(`${dir}.lock`, 'utf8')).toMatch(new RegExp(`^${process.pid}\\b`))
    lock.release()
  })

  it.skipIf(!onLinux)('takes over a lock whose process is killed but not yet reaped (a zombie)', async () => {
    // A background `read` waits for our line; its parent shell execs into `sleep 30`, which never reaps it.
    // The line is sent only after the exec: a shell still running could reap the child first.
    const { child, line } = await firstLine('exec 3<&0; (read x <&3) & echo $!; exec sleep 30')
    const zombie = Number(line)
    while (readFileSync(`/proc/${child.pid}/comm`, 'utf8').trim() !== 'sleep') await new Promise((r) => setImmediate(r))
    child.stdin?.write('\n')
    while (procState(zombie) !== 'Z') await new Promise((r) => setImmediate(r))
    expect(() => process.kill(zombie, 0)).not.toThrow()
    const lock = takeFolderLock(folderLockedBy(String(zombie)))
    lock.release()
  })

  it.skipIf(!onLinux)('takes over a lock whose pid now belongs to a process started at another time', async () => {
    const { child } = await firstLine('echo up; exec sleep 30')
    takeFolderLock(folderLockedBy(`${child.pid} 1`)).release()
  })

  it.skipIf(!onLinux)('takes over an old-style lock (pid only) whose process is not node', async () => {
    const { child } = await firstLine('echo up; exec sleep 30')
    takeFolderLock(folderLockedBy(String(child.pid))).release()
  })

  it.skipIf(!onLinux)('keeps an old-style lock whose process is a live node', async () => {
    const { child } = await firstLine(`echo up; exec "${process.execPath}" -e "setInterval(() => {}, 1000)"`)
    // exec replaces the shell: wait until the pid runs node, not sh.
    while (!readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').startsWith(process.execPath))
      await new Promise((r) => setImmediate(r))
    expect(() => takeFolderLock(folderLockedBy(String(child.pid)))).toThrow(/in use by process/)
  })
})
