/**
 * A live-events subscriber that behaves like the web client's SSE link: it reads /trpc/live.events and,
 * when the stream breaks (its process went away), reconnects at once with the last event id it saw so
 * the server replays what it missed. Tests and benchmarks of several processes behind nginx use it to
 * count event ids and reconnect times.
 */
export interface LiveMessage {
  id: number
  data: unknown
  /** Date.now() when the message arrived. */
  at: number
}

const CONNECTED = 'reconnectAfterInactivityMs'

export class LiveSubscriber {
  readonly messages: LiveMessage[] = []
  /** Milliseconds from each broken stream to the next connected one. */
  readonly reconnects: number[] = []
  /** X-OneMap-Upstream of the current connection (which process serves it), when nginx sends it. */
  upstream: string | undefined
  private readonly controller = new AbortController()
  private waiters: (() => boolean)[] = []
  private lastId: number | undefined
  private connected: Promise<void>
  private markConnected: () => void = () => {}

  constructor(private readonly baseUrl: string) {
    this.connected = new Promise((r) => (this.markConnected = r))
    void this.run()
  }

  /** Resolves once the first connection has said 'connected' (from then on no edit is missed). */
  ready(): Promise<void> {
    return this.connected
  }

  /** Resolves once a message satisfies `test`; rejects after timeoutMs. */
  waitFor(test: (m: LiveMessage[]) => boolean, timeoutMs: number, what = 'live message'): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${timeoutMs} ms`)), timeoutMs)
      const check = () => {
        if (!test(this.messages)) return false
        clearTimeout(timer)
        resolve()
        return true
      }
      if (!check()) this.waiters.push(check)
    })
  }

  close(): void {
    this.controller.abort()
  }

  private notify() {
    this.waiters = this.waiters.filter((check) => !check())
  }

  private async run() {
    let brokenAt: number | undefined
    while (!this.controller.signal.aborted) {
      try {
        const input =
          this.lastId === undefined
            ? ''
            : `?input=${encodeURIComponent(JSON.stringify({ lastEventId: String(this.lastId) }))}`
        const res = await fetch(`${this.baseUrl}/trpc/live.events${input}`, {
          headers: { accept: 'text/event-stream' },
          signal: this.controller.signal,
        })
        if (!res.ok || !res.body) throw new Error(`live.events answered ${res.status}`)
        this.upstream = res.headers.get('x-onemap-upstream') ?? undefined
        await this.read(res.body, () => {
          if (brokenAt !== undefined) this.reconnects.push(Date.now() - brokenAt)
          brokenAt = undefined
          this.markConnected()
        })
      } catch {
        // Refused or cut: try again below (nginx answers 502 for a moment while it marks a process down).
      }
      if (this.controller.signal.aborted) return
      brokenAt ??= Date.now()
      // A short pause between attempts, as a browser's EventSource retry would make.
      await new Promise((r) => setTimeout(r, 50))
    }
  }

  private async read(body: ReadableStream<Uint8Array>, onConnected: () => void) {
    const decoder = new TextDecoder()
    let buffer = ''
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true })
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        let id: string | undefined
        let data = ''
        for (const line of block.split('\n')) {
          if (line.startsWith('id:')) id = line.slice(3).trim()
          if (line.startsWith('data:')) data += line.slice(5).trim()
        }
        if (data.includes(CONNECTED)) onConnected()
        // A layer message is untracked (an empty id, then tRPC's 'restore-id' event puts the last one back):
        // no resume point, and not counted here.
        else if (id && data) {
          this.lastId = Number(id)
          this.messages.push({ id: Number(id), data: JSON.parse(data), at: Date.now() })
          this.notify()
        }
      }
    }
  }
}
