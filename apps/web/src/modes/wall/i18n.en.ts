import type { wallZh } from './i18n.zh.ts'

/** Strings of the wall display, English; the same keys as Chinese. */
export const wallEn: typeof wallZh = {
  title: 'Gaoxin Zone · City operations',
  subtitle: 'One screen for city data · three-year goals',
  asOf: 'Data as of {{time}}',
  asOfNone: 'Loading data',
  stale: {
    stream: 'Live connection lost, reconnecting: the figures may be out of date',
    age: 'No update for over {{minutes}} min: the figures may be out of date',
  },
  kpi: {
    roads: 'Planned roads built',
    roadsValue: '{{built}} / {{planned}} km',
    facilities: 'Public facilities started',
    facilitiesValue: '{{started}} / {{planned}}',
    deadline: 'Days to the deadline',
    deadlinePassed: 'Days since the deadline',
    days: '{{days}} days',
    deadlineDate: 'Deadline {{date}}',
    renewal: 'Renewal zone progress',
    renewalValue: '{{units}} renewal units',
  },
  chart: {
    title: 'Goals achieved by month',
    roads: 'Roads built',
    facilities: 'Facilities started',
    deadline: 'Deadline',
  },
  bars: { title: 'Progress by sub-district', roads: 'Roads', facilities: 'Facilities', none: 'Outside sub-districts' },
  ticker: { title: 'Latest changes', empty: 'No status changes yet' },
  scene: {
    roads: 'Road construction',
    facilities: 'Public facilities',
    renewal: 'Southern renewal zone',
    rivers: 'Rivers and lakes (river chiefs)',
    indicators: 'City data on one screen',
  },
  sample: 'Sample data · positions and statuses are illustrative',
  unnamed: 'Unnamed',
}
