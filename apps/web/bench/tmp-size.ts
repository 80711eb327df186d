import { startHarness } from '../e2e/harness.ts'
import { query } from '../e2e/api.ts'
import { gzipSync } from 'node:zlib'
const h = await startHarness()
try {
  const items = await query<{ entity: string; id: string; status: string }[]>(h, 'progress.items')
  const t = items.find((i) => i.entity === 'road_segment' && i.status === 'under_construction')!
  const f = await query<any>(h, 'wall.itemFigures', { entity: 'road_segment', id: t.id })
  const show = (label: string, v: unknown) => {
    const s = JSON.stringify(v)
    console.log(label, s.length, gzipSync(s).length)
  }
  show('all', f)
  show('summary', f.summary)
  for (const k of Object.keys(f.summary)) show('  summary.' + k, f.summary[k])
  show('alarms', f.alarms)
  for (const k of Object.keys(f.alarms)) show('  alarms.' + k, f.alarms[k])
} finally {
  await h.close()
}
