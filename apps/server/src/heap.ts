import { setFlagsFromString } from 'node:v8'

/**
 * How far V8 lets the heap grow past what the last full collection kept before it starts the next
 * one: 50 %. V8 chooses that margin itself from how fast this process allocates on its own heap,
 * and a tile server allocates little there: a tile's bytes live outside it, in Buffers. So V8 left
 * ~3 MB over a 31 MB heap, while the Buffers of the tiles in flight count against that margin; at
 * 1 000 000 segments that started a full collection every 0.2–0.5 s, each pausing a request for
 * 5–11 ms. With 50 % they come ~4× less often and the z14 p95 at 1M fell from 32–37 to 25–31 ms,
 * for at most ~15 MB more heap (bench/README.md, issue 19). No public Node option sets this, and
 * NODE_OPTIONS refuses V8 flags of this kind, so the server sets it when it starts.
 */
const HEAP_GROWING_PERCENT = 50

export function tuneHeap(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`)
}
