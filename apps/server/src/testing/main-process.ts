import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const serverDir = fileURLToPath(new URL('../..', import.meta.url))

export interface MainProcess {
  child: ChildProcess
  /** http://127.0.0.1:<port> of the running server. */
  url: string
  /** Everything the process printed so far. */
  output(): string
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>
}

/** Starts `tsx src/main.ts` on a free loopback port and resolves once it says it is serving. */
export function startMain(env: Record<string, string>, timeoutMs = 60_000): Promise<MainProcess> {
  // node itself, with tsx as a loader: the tsx command would put a wrapper process in between, which
  // survives a SIGKILL meant for the server and leaves it running.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: '0', HOST: '127.0.0.1', ...env },
  })
  let output = ''
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`main.ts did not start within ${timeoutMs} ms:\n${output}`))
    }, timeoutMs)
    const onData = (d: Buffer) => {
      output += d
      const port = /serving at http:\/\/localhost:(\d+)/.exec(output)?.[1]
      if (port) {
        clearTimeout(timer)
        resolve({ child, url: `http://127.0.0.1:${port}`, output: () => output, exited })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`main.ts exited with ${code} before serving:\n${output}`))
    })
  })
}
