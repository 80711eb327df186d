import { useEffect, useState } from 'react'

/** The wall is laid out once, at 1920×1080 CSS pixels, and scaled as a whole to the screen. */
export const STAGE_WIDTH = 1920
export const STAGE_HEIGHT = 1080

/** The largest scale at which the whole stage fits the window (a 16:9 screen fills exactly). */
export function stageScale(width: number, height: number): number {
  return Math.min(width / STAGE_WIDTH, height / STAGE_HEIGHT)
}

export function useStageScale(): number {
  const [scale, setScale] = useState(() => stageScale(innerWidth, innerHeight))
  useEffect(() => {
    const onResize = () => setScale(stageScale(innerWidth, innerHeight))
    addEventListener('resize', onResize)
    return () => removeEventListener('resize', onResize)
  }, [])
  return scale
}

/**
 * Below two thirds of the design size (1280×720) the stage's 20 px text shrinks under 14 px and the
 * map window under 600 px: a phone or a small window gets a pointer to the public map instead.
 */
export const isTooSmall = (scale: number) => scale < 2 / 3
