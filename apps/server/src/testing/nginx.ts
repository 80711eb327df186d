import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { fileURLToPath } from 'node:url'

/** The deployment's own nginx file: tests and benchmarks run it, with ports and paths changed only. */
const DEPLOY_CONF = fileURLToPath(new URL('../../../../deploy/nginx/onemap.conf', import.meta.url))
const CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx']

/** Debian's nginx binary, or undefined when it is not installed. */
export function nginxBinary(): string | undefined {
  return CANDIDATES.find((p) => existsSync(p))
}

export interface NginxOptions {
  /** Folder prefix under /tmp for its configuration, logs, temp files and cache. */
  prefix: string
  port: number
  /** Ports of the OneMap processes on 127.0.0.1 (the upstream). */
  upstreams: number[]
  /** false: the tile/asset proxy_cache is switched off (benchmark comparison). Default true. */
  cache?: boolean
  /** Worker processes (default 1: one worker keeps round-robin order predictable in tests). */
  workers?: number | 'auto'
}

export interface Nginx {
  readonly url: string
  readonly dir: string
  /** Writes the configuration (these upstreams, cache on or off) and starts nginx again (a restart, not a reload). */
  restart(upstreams?: number[], settings?: { cache?: boolean }): Promise<void>
  /** Rewrites the configuration and signals a graceful reload (SIGHUP, what `systemctl reload nginx` does). */
  reload(upstreams?: number[], settings?: { cache?: boolean }): void
  stop(): Promise<void>
  /** Stops nginx and deletes its folder (cache included). */
  remove(): Promise<void>
}

/**
 * deploy/nginx/onemap.conf inside a minimal nginx.conf: loopback port, the given upstream, paths in a
 * private folder, and one response header naming the process that answered (`X-OneMap-Upstream`, on the
 * locations that add no headers of their own: live events and tRPC) so a test knows which process a
 * subscriber or an edit reached.
 */
export function nginxConfig(dir: string, options: Omit<NginxOptions, 'prefix'>): string {
  let site = readFileSync(DEPLOY_CONF, 'utf8')
  const replace = (pattern: RegExp, by: string) => {
    if (!pattern.test(site))
      throw new Error(`deploy/nginx/onemap.conf no longer matches ${pattern}: update testing/nginx.ts`)
    site = site.replace(pattern, by)
  }
  replace(
    /upstream onemap \{[^}]*\}/,
    `upstream onemap {\n${options.upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=2 fail_timeout=5s;`).join('\n')}\n    keepalive 32;\n}`,
  )
  replace(/proxy_cache_path \S+/, `proxy_cache_path ${dir}/cache`)
  replace(/listen 80;/, `listen 127.0.0.1:${options.port};`)
  replace(/\nserver \{\n/, '\nserver {\n    add_header X-OneMap-Upstream $upstream_addr always;\n')
  if (options.cache === false) site = site.replace(/proxy_cache onemap_cache;/g, 'proxy_cache off;')
  const asRoot = process.getuid?.() === 0
  return `${asRoot ? 'user root;\n' : ''}worker_processes ${options.workers ?? 1};
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
${site}
}
`
}

/** Starts nginx in the foreground as a child process; resolves once its port accepts connections. */
export async function startNginx(options: NginxOptions): Promise<Nginx> {
  const bin = nginxBinary()
  if (!bin) throw new Error('nginx not found (Debian: apt-get install nginx)')
  const dir = mkdtempSync(options.prefix)
  mkdirSync(`${dir}/cache`)
  let upstreams = options.upstreams
  let cache = options.cache
  let child: ChildProcess | undefined
  let exited: Promise<void> = Promise.resolve()

  const configure = (next?: number[], settings?: { cache?: boolean }) => {
    if (next) upstreams = next
    if (settings?.cache !== undefined) cache = settings.cache
    writeFileSync(`${dir}/nginx.conf`, nginxConfig(dir, { ...options, upstreams, cache }))
  }

  async function start() {
    const proc = spawn(bin as string, ['-p', dir, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    proc.stderr?.on('data', (d) => (stderr += d))
    child = proc
    exited = new Promise((resolve) => proc.once('exit', () => resolve()))
    const failed = exited.then(() => {
      throw new Error(`nginx exited at start: ${stderr}${readFileSync(`${dir}/error.log`, 'utf8').slice(-2000)}`)
    })
    await Promise.race([portOpen(options.port, 30_000), failed])
    void failed.catch(() => {})
  }

  async function stop() {
    if (!child || child.exitCode !== null) return
    child.kill('SIGTERM')
    await exited
    child = undefined
  }

  configure()
  await start()
  return {
    url: `http://127.0.0.1:${options.port}`,
    dir,
    async restart(next, settings) {
      configure(next, settings)
      await stop()
      await start()
    },
    reload(next, settings) {
      configure(next, settings)
      child?.kill('SIGHUP')
    },
    stop,
    async remove() {
      await stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Resolves once something accepts TCP connections on 127.0.0.1:port (tries again on refusal). */
export async function portOpen(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (open) return
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`)
    await new Promise((r) => setTimeout(r, 25))
  }
}
