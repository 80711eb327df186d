import { useEffect, useState } from 'react'

/** The scene on screen, advancing every `intervalS` seconds through `scenes` forever. */
export function useSceneRotation(scenes: readonly string[], intervalS: number): { scene: string; cycle: number } {
  const [step, setStep] = useState(0)
  useEffect(() => {
    const timer = setInterval(() => setStep((s) => s + 1), intervalS * 1000)
    return () => clearInterval(timer)
  }, [intervalS])
  return { scene: scenes[step % scenes.length] as string, cycle: Math.floor(step / scenes.length) }
}
