import { FACILITY_KINDS, type FacilityKind } from '@onemap/domain/values'

/** Pictogram canvas size in device pixels; drawn at pixel ratio 2, so 12 CSS px on the map. */
const SIZE = 24

type Draw = (g: CanvasRenderingContext2D, s: number) => void

/**
 * White pictograms per facility kind, drawn on a canvas in the page (no icon files, no request):
 * school a schoolhouse, kindergarten a star, hospital a bold cross, clinic a heart, public health a shield.
 * They sit on the status-coloured marker, so kind and status read together.
 */
const DRAW: Record<FacilityKind, Draw> = {
  school: (g, s) => {
    g.beginPath()
    g.moveTo(s * 0.5, s * 0.12)
    g.lineTo(s * 0.9, s * 0.42)
    g.lineTo(s * 0.1, s * 0.42)
    g.closePath()
    g.fill()
    g.fillRect(s * 0.2, s * 0.42, s * 0.6, s * 0.42)
  },
  kindergarten: (g, s) => {
    g.beginPath()
    for (let i = 0; i < 10; i++) {
      const r = i % 2 === 0 ? s * 0.44 : s * 0.19
      const a = -Math.PI / 2 + (i * Math.PI) / 5
      g.lineTo(s / 2 + r * Math.cos(a), s * 0.54 + r * Math.sin(a))
    }
    g.closePath()
    g.fill()
  },
  hospital: (g, s) => {
    g.fillRect(s * 0.38, s * 0.1, s * 0.24, s * 0.8)
    g.fillRect(s * 0.1, s * 0.38, s * 0.8, s * 0.24)
  },
  clinic: (g, s) => {
    g.beginPath()
    g.moveTo(s * 0.5, s * 0.88)
    g.bezierCurveTo(s * 0.05, s * 0.55, s * 0.1, s * 0.12, s * 0.5, s * 0.32)
    g.bezierCurveTo(s * 0.9, s * 0.12, s * 0.95, s * 0.55, s * 0.5, s * 0.88)
    g.fill()
  },
  public_health: (g, s) => {
    g.beginPath()
    g.moveTo(s * 0.5, s * 0.08)
    g.lineTo(s * 0.88, s * 0.22)
    g.quadraticCurveTo(s * 0.86, s * 0.72, s * 0.5, s * 0.92)
    g.quadraticCurveTo(s * 0.14, s * 0.72, s * 0.12, s * 0.22)
    g.closePath()
    g.fill()
  },
}

function canvasFor(kind: FacilityKind, background?: string): HTMLCanvasElement {
  const canvas = document.createElement('canvas')
  canvas.width = SIZE
  canvas.height = SIZE
  const g = canvas.getContext('2d') as CanvasRenderingContext2D
  if (background) {
    g.fillStyle = background
    g.beginPath()
    g.arc(SIZE / 2, SIZE / 2, SIZE / 2, 0, 2 * Math.PI)
    g.fill()
    // The legend's disc: shrink the pictogram inside it.
    g.translate(SIZE * 0.2, SIZE * 0.2)
    g.scale(0.6, 0.6)
  }
  g.fillStyle = '#ffffff'
  DRAW[kind](g, SIZE)
  return canvas
}

/** Image name of a kind's pictogram on the map. */
export const iconName = (kind: FacilityKind) => `onemap-kind-${kind}`

/** The pictograms as MapLibre images (name, pixels, pixel ratio). */
export function facilityIcons(): { name: string; image: ImageData; pixelRatio: number }[] {
  return FACILITY_KINDS.map((kind) => {
    const canvas = canvasFor(kind)
    const image = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, SIZE, SIZE)
    return { name: iconName(kind), image, pixelRatio: 2 }
  })
}

/** A data: URL of a kind's pictogram on a dark disc, for the legend (no request leaves the page). */
export function legendIcon(kind: FacilityKind): string {
  return canvasFor(kind, '#374151').toDataURL('image/png')
}
