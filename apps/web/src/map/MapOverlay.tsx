import { type ReactNode, useEffect, useState } from 'react'
import { createPortal } from 'react-dom'

/** Renders a mode's map furniture (legend, controls) over the shared map, from inside the mode's tree. */
export function MapOverlay({ children }: { children: ReactNode }) {
  const [slot, setSlot] = useState<HTMLElement | null>(null)
  useEffect(() => setSlot(document.getElementById('map-overlay-slot')), [])
  return slot ? createPortal(children, slot) : null
}
