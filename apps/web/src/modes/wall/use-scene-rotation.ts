import { useEffect, useState } from 'react'
import type { WallScene } from './wall-params.ts'

/** The scene on screen, advancing every `intervalS` seconds through `scenes` forever. */
export function useSceneRotation(scenes: readonly WallScene[], intervalS: number): { scene: WallScene; cycle: number } {
  const [step, setStep] = useState(0)
  useEffect(() => {
    const timer = setInterval(() => setStep((s) => s + 1), intervalS * 1000)
    return () => clearInterval(timer)
  }, [intervalS])
  return { scene: scenes[step % scenes.length] as WallScene, cycle: Math.floor(step / scenes.length) }
}
