/**
 * Decides when a wall that nobody watches over should reload itself. Two heartbeats must keep
 * beating: the animation loop (requestAnimationFrame) and the map's own render. Either silent for
 * `stallMs` while the page is visible means the screen is frozen (a hung GPU process, a WebGL
 * context that never came back), and only a reload will bring it back.
 */
export class StallDetector {
  private lastFrame: number
  private lastRender: number

  constructor(
    private readonly stallMs: number,
    now: number,
  ) {
    this.lastFrame = now
    this.lastRender = now
  }

  frame(now: number): void {
    this.lastFrame = now
  }

  render(now: number): void {
    this.lastRender = now
  }

  /** True when a heartbeat has been silent too long. A hidden page draws nothing by design. */
  stalled(now: number, visible: boolean): boolean {
    if (!visible) {
      // Hidden time is not a stall: start counting again when the page shows.
      this.lastFrame = now
      this.lastRender = now
      return false
    }
    return now - this.lastFrame > this.stallMs || now - this.lastRender > this.stallMs
  }
}
