import { layerStats } from '@onemap/db/queries/catalogue'
import { LAYERS } from '@onemap/domain/layers'
import { publicProcedure, router } from '../trpc.ts'

export const layersRouter = router({
  /**
   * The fixed layer catalogue with live facts: feature count, extent ([w, s, e, n] degrees,
   * null when empty) and version. `tiles` carries the version, so an edit changes the URL and
   * clients fetch fresh tiles without any cache purge.
   */
  list: publicProcedure.query(async ({ ctx }) => {
    const stats = new Map((await layerStats(ctx.db)).map((s) => [s.layer, s]))
    return LAYERS.map((layer) => {
      const s = stats.get(layer.id)
      const version = s?.version ?? 0
      return {
        id: layer.id,
        title_zh: layer.title_zh,
        title_en: layer.title_en,
        geometryType: layer.geometryType,
        idField: layer.idField,
        fields: layer.fields,
        tileFields: layer.tileFields,
        filters: layer.filters,
        legendField: layer.legendField ?? null,
        legend: layer.legend,
        extent: s?.extent ?? null,
        count: s?.count ?? 0,
        isSample: s?.isSample ?? false,
        source: s?.source ?? null,
        version,
        tiles: `/tiles/${layer.id}/{z}/{x}/{y}.mvt?v=${version}`,
        tileJson: `/tiles/${layer.id}.json`,
        minZoom: layer.minZoom,
      }
    })
  }),
})
