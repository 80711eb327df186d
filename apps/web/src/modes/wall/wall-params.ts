import '../../zod-without-eval.ts'
import { z } from 'zod'

export interface WallParams {
  /** Ids of the scenes to rotate through, in order. */
  scenes: string[]
  /** Seconds each scene stays on screen. */
  intervalS: number
  /** Data older than this, or a stream down this long, shows the stale banner (ms). */
  staleAfterMs: number
  /** The page reloads when nothing has been drawn for this long (ms). */
  stallReloadMs: number
}

/** Two minutes: the promise of what the wall may show before it must say the data is old. */
export const DEFAULT_STALE_AFTER_MS = 120_000
const DEFAULT_STALL_RELOAD_MS = 60_000

const paramsFor = (sceneIds: readonly string[], defaults: readonly string[]) =>
  z.object({
    scenes: z
      .string()
      .transform((s) =>
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().refine((id) => sceneIds.includes(id))).min(1))
      .catch([...defaults]),
    // 1 s is the soak test's pace; an hour is the longest sensible dwell.
    interval: z.coerce.number().min(1).max(3600).catch(30),
    stale: z.coerce.number().min(1).max(86_400).optional().catch(undefined),
    watchdog: z.coerce.number().min(10).max(86_400).optional().catch(undefined),
  })

/**
 * Reads `?scenes=roads,facilities&interval=30` (scene ids from `sceneIds`; without it, `defaults`) (and, for tests and tuning, `stale=` and `watchdog=`
 * in seconds). The wall has no one to read an error, so a bad value falls back to its default and is
 * reported on the console instead of blanking the screen. `lang=` is read by the shell's i18n setup.
 */
export function parseWallParams(
  search: string,
  sceneIds: readonly string[],
  defaults: readonly string[] = sceneIds,
): WallParams {
  const raw = Object.fromEntries(new URLSearchParams(search))
  const parsed = paramsFor(sceneIds, defaults).parse(raw)
  if (raw.scenes !== undefined && parsed.scenes.join(',') !== raw.scenes.replace(/\s/g, '')) {
    console.warn(`[wall] scenes=${raw.scenes} is not a list of ${sceneIds.join(', ')}; showing all scenes`)
  }
  return {
    scenes: [...new Set(parsed.scenes)],
    intervalS: parsed.interval,
    staleAfterMs: parsed.stale !== undefined ? parsed.stale * 1000 : DEFAULT_STALE_AFTER_MS,
    stallReloadMs: parsed.watchdog !== undefined ? parsed.watchdog * 1000 : DEFAULT_STALL_RELOAD_MS,
  }
}
