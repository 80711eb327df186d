/** Strings of the wall display, Chinese; merged into the app's messages under `wall`. */
export const wallZh = {
  title: '郑州高新区 · 城市运行一张网',
  subtitle: '城市数据一块屏 · 三年行动进展',
  asOf: '数据截至 {{time}}',
  asOfNone: '数据载入中',
  stale: {
    stream: '实时连接已中断，正在重连：画面数据可能已过时',
    age: '数据已超过 {{minutes}} 分钟未更新：画面数据可能已过时',
  },
  kpi: {
    roads: '规划道路建成',
    roadsValue: '{{built}} / {{planned}} 公里',
    facilities: '公共设施开工',
    facilitiesValue: '{{started}} / {{planned}} 个',
    deadline: '距目标期限',
    deadlinePassed: '目标期限已过',
    days: '{{days}} 天',
    deadlineDate: '期限 {{date}}',
    renewal: '产城更新区进展',
    renewalValue: '{{units}} 个更新单元',
  },
  chart: {
    title: '目标完成率（按月）',
    roads: '道路建成率',
    facilities: '设施开工率',
    deadline: '期限',
  },
  bars: { title: '各街道（乡镇）进展', roads: '道路', facilities: '设施', none: '未划入街道' },
  ticker: { title: '最新动态', empty: '暂无状态变更' },
  scene: {
    roads: '道路建设',
    facilities: '公共设施',
    renewal: '南部产城更新区',
    rivers: '河湖水系（河长制）',
  },
  sample: '示例数据 · 位置与状态为示意',
  unnamed: '未命名',
}
