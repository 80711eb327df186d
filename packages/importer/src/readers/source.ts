import type { SourceCrs } from '@onemap/geo/crs'

/** One feature as a reader found it, before mapping and validation. */
export interface SourceFeature {
  /** Where it is in the file, for messages: "feature 12", "line 14", "record 3". */
  where: string
  /** The format's own feature id (GeoJSON `id`), if any; attributes may name another. */
  id: string | number | undefined
  properties: Record<string, unknown>
  /** A GeoJSON geometry object as read (unchecked), or null when the feature has none. */
  geometry: unknown
  /** Set when the reader could not build a geometry (e.g. bad WKT); the feature is rejected with it. */
  geometryError?: string
}

/** A CRS the file itself declares, and where it said so. */
export interface DeclaredCrs {
  crs: SourceCrs
  from: string
}

export interface FeatureSource {
  readonly format: 'geojson' | 'shapefile' | 'csv'
  /**
   * The CRS the file declares (GeoJSON `crs` member, Shapefile .prj). Known once the first feature has
   * been yielded at the latest.
   */
  declaredCrs(): DeclaredCrs | undefined
  /** Notes worth reporting about how the file was read (e.g. the encoding taken from .cpg). */
  notes(): string[]
  features(): AsyncIterable<SourceFeature>
  /** Removes temporary files; safe to call twice. */
  close(): Promise<void>
}
