import {
  FACILITY_KIND_LABELS_ZH,
  FACILITY_STATUS_LABELS_ZH,
  ROAD_CLASS_LABELS_ZH,
  ROAD_SEGMENT_STATUS_LABELS_ZH,
} from '@onemap/domain/statuses'
import { planZh } from '../modes/plan/i18n.zh.ts'
import { dubanZh } from '../modes/plan/duban/i18n.zh.ts'
import { indicatorsZh } from '../indicators/i18n.zh.ts'
import { wallZh } from '../modes/wall/i18n.zh.ts'

/** Chinese, the default language. Status and kind names come from the domain so both stay one list. */
export const zh = {
  app: {
    title: '高新一张图',
    subtitle: '郑州高新区规划与建设进展',
    skipToList: '跳到设施列表',
    language: '语言',
    switchTo: 'English',
    switchToLabel: '切换到英文',
  },
  nav: {
    label: '模式',
    public: '建设进展',
    plan: '规划工作台',
    wall: '大屏',
    indicators: '指标',
  },
  headline: {
    label: '三年目标进展',
    facilities: '{{started}} / {{planned}} 个规划公共设施已开工（{{percent}}%）',
    roads: '规划道路已建成 {{built}} / {{planned}} 公里',
    asOf: '数据截至 {{time}}',
    loading: '正在载入进展数据…',
    unavailable: '进展数据暂不可用',
  },
  sample: {
    badge: '示例数据 · sample data',
    note: '位置与状态为示意，非权威数据',
  },
  map: {
    label: '高新区地图：设施按建设状态着色',
    canvas: '地图画布：方向键平移，加号和减号缩放',
    legend: '图例',
    renewalZone: '南部产城更新区',
    river: '河流与水体',
    road: '道路',
    loading: '地图载入中…',
    zoomIn: '放大',
    zoomOut: '缩小',
    truncated: '此处要素较多，当前比例尺未能全部显示：请放大查看全部',
  },
  filters: {
    label: '筛选设施',
    search: '按名称搜索',
    searchPlaceholder: '例如：医院',
    kind: '类型',
    status: '状态',
    subDistrict: '街道（乡镇）',
    all: '全部',
    clear: '清除筛选',
  },
  list: {
    label: '设施列表',
    count: '共 {{count}} 个设施',
    empty: '没有符合条件的设施',
    loading: '正在载入设施…',
    error: '设施数据载入失败：{{message}}',
    open: '查看 {{name}}',
  },
  card: {
    label: '设施详情',
    close: '关闭',
    kind: '类型',
    status: '状态',
    plannedStart: '计划开工',
    actualStart: '实际开工',
    expectedCompletion: '预计竣工',
    capacity: '规模',
    subDistrict: '所在街道',
    history: '状态变更记录',
    noHistory: '暂无记录',
    permalink: '本设施链接',
    copyLink: '复制链接',
    copied: '已复制',
    notSet: '未定',
    notFound: '未找到编号为 {{id}} 的设施',
    loading: '正在载入…',
    historyEntry: '{{date}}：{{from}} → {{to}}',
    historyFirst: '{{date}}：{{to}}',
  },
  road: {
    label: '道路详情',
    notFound: '未找到编号为 {{id}} 的路段',
    class: '道路等级',
    length: '长度',
    lengthValue: '{{km}} 公里',
  },
  capacity: {
    seats: '{{count}} 个学位',
    beds: '{{count}} 张床位',
    places: '{{count}} 个名额',
  },
  status: { ...FACILITY_STATUS_LABELS_ZH },
  roadStatus: { ...ROAD_SEGMENT_STATUS_LABELS_ZH },
  kind: { ...FACILITY_KIND_LABELS_ZH },
  roadClass: { ...ROAD_CLASS_LABELS_ZH },
  plan: planZh,
  wall: wallZh,
  duban: dubanZh,
  indicators: indicatorsZh,
}

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> }
/** The shape every language must fill; en.ts is checked against it by the compiler and a test. */
export type Messages = Strings<typeof zh>
