/** Status colours on the dark wall: green done, amber under way, slate planned, red suspended. */
export const WALL_STATUS_COLOURS: Record<string, [number, number, number, number]> = {
  planned: [127, 143, 166, 255],
  under_construction: [255, 176, 32, 255],
  started: [255, 176, 32, 255],
  completed: [61, 220, 151, 255],
  in_service: [61, 220, 151, 255],
  suspended: [255, 93, 93, 255],
}

/** Items outside the programme: drawn as faint context so the map shows what the figures count. */
export const WALL_CONTEXT_COLOUR: [number, number, number, number] = [127, 143, 166, 70]

/** A colour of the palette as CSS, for legends. */
export const cssColour = ([r, g, b, a]: readonly number[]) => `rgba(${r}, ${g}, ${b}, ${((a ?? 255) / 255).toFixed(2)})`
