import { ScatterplotLayer } from '@deck.gl/layers'

/** A ring around the open facility, drawn by deck.gl so it sits above every MapLibre layer. */
export function selectionRing(position: [number, number]) {
  return new ScatterplotLayer<[number, number]>({
    id: 'public-selection-ring',
    data: [position],
    getPosition: (p) => p,
    stroked: true,
    filled: false,
    radiusUnits: 'pixels',
    getRadius: 18,
    lineWidthUnits: 'pixels',
    getLineWidth: 3,
    getLineColor: [17, 24, 39, 255],
  })
}
