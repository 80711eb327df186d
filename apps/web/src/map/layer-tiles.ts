import type { MapLayerId } from '@onemap/domain/layers'
import type { Map as MapLibreMap, VectorTileSource } from 'maplibre-gl'

/** The version a tile URL carries (`?v=`), undefined when it carries none. */
export function tileUrlVersion(url: string): number | undefined {
  const v = new URL(url, location.origin).searchParams.get('v')
  return v === null || !/^\d+$/.test(v) ? undefined : Number(v)
}

/** Whether a vector source draws `layer`'s tiles from our server (basemap and workbench sources alike). */
const showsLayer = (source: VectorTileSource, layer: MapLayerId) =>
  (source.tiles ?? []).some((t) => new URL(t, location.origin).pathname.startsWith(`/tiles/${layer}/`))

/**
 * Moves every source of the map that draws `layer` to `version` when its tile URLs carry an older one:
 * its TileJSON is read again (its tile URLs carry the layer's current version), so MapLibre requests
 * the tiles anew. Sources still reading their TileJSON are left alone: what they get is current.
 * `skip` leaves out sources moved some other way. Answers whether any source moved.
 */
export function moveLayerTiles(
  map: MapLibreMap,
  layer: MapLayerId,
  version: number,
  skip: (sourceId: string) => boolean = () => false,
): boolean {
  let moved = false
  for (const id of Object.keys(map.getStyle()?.sources ?? {})) {
    const source = map.getSource<VectorTileSource>(id)
    if (source?.type !== 'vector' || skip(id) || !showsLayer(source, layer)) continue
    const shown = tileUrlVersion(source.tiles[0] ?? '')
    if (shown !== undefined && shown >= version) continue
    // Setting the same TileJSON URL again reloads it; setTiles would pin those tiles over any later TileJSON.
    if (source.url) source.setUrl(source.url)
    else source.setTiles(source.tiles.map((t) => t.replace(/([?&]v=)\d+/, `$1${version}`)))
    moved = true
  }
  return moved
}
