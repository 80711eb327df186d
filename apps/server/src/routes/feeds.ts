import type { Database } from '@onemap/db/database'
import { type FeedEntryRow, type FeedScope, feedEntries, feedSubject } from '@onemap/db/queries/feeds'
import {
  FACILITY_STATUS_LABELS_EN,
  FACILITY_STATUS_LABELS_ZH,
  ROAD_SEGMENT_STATUS_LABELS_EN,
  ROAD_SEGMENT_STATUS_LABELS_ZH,
} from '@onemap/domain/values'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { Feed } from 'feed'
import { answerError, NotFoundError, ParameterError, refuseUnknown, single, type RawQuery } from './query-params.ts'

/** Entries per feed: a reader polls often; older changes stay on the cards and in the open data. */
const ENTRIES = 50
const ATOM_TYPE = 'application/atom+xml; charset=utf-8'
const ID = /^[\w.-]{1,100}$/
const DIVISION_CODE = /^\d{9,12}$/

type Lang = 'zh' | 'en'

const STATUS_LABELS: Record<Lang, Record<FeedEntryRow['entity'], Record<string, string>>> = {
  zh: { facility: FACILITY_STATUS_LABELS_ZH, road_segment: ROAD_SEGMENT_STATUS_LABELS_ZH },
  en: { facility: FACILITY_STATUS_LABELS_EN, road_segment: ROAD_SEGMENT_STATUS_LABELS_EN },
}

const WORDS = {
  zh: {
    programme: '高新一张图 · 三年计划建设进展',
    scoped: (name: string) => `高新一张图 · ${name} 建设进展`,
    subtitle: '郑州高新区三年计划道路与公共设施的状态变化（示例数据）',
    change: (name: string, from: string | null, to: string) => (from ? `${name}：${from} → ${to}` : `${name}：${to}`),
    summary: (day: string, segment: string | null) => `现场日期 ${day}${segment ? `，路段 ${segment}` : ''}`,
  },
  en: {
    programme: 'OneMap Gaoxin · three-year programme progress',
    scoped: (name: string) => `OneMap Gaoxin · ${name} progress`,
    subtitle: 'Status changes of the Zhengzhou High-tech Zone programme roads and public facilities (sample data)',
    change: (name: string, from: string | null, to: string) => (from ? `${name}: ${from} → ${to}` : `${name}: ${to}`),
    summary: (day: string, segment: string | null) => `On site ${day}${segment ? `, segment ${segment}` : ''}`,
  },
}

function langParam(query: RawQuery): Lang {
  refuseUnknown(query, ['lang'])
  const lang = single(query, 'lang') ?? 'zh'
  if (lang !== 'zh' && lang !== 'en') throw new ParameterError('lang', "expected 'zh' or 'en'")
  return lang
}

/** `name.atom` → name, refusing anything that is not a plain id. */
function atomName(param: string, raw: string, pattern: RegExp): string {
  const match = /^(.*)\.atom$/.exec(raw)
  if (!match || !pattern.test(match[1] as string))
    throw new ParameterError(param, `expected {${param}}.atom with a valid ${param}`)
  return match[1] as string
}

const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`

/** Where a reader of an entry goes: the card of the facility or road, in the feed's language. */
function entryLink(base: string, row: FeedEntryRow, lang: Lang): string {
  const path =
    row.entity === 'facility'
      ? `/facility/${encodeURIComponent(row.entityId)}`
      : `/road/${encodeURIComponent(row.roadId ?? '')}`
  return `${base}${path}?lang=${lang}`
}

/** The public page a feed is about: the map, or the card of its facility or road. */
function pageOf(base: string, scope: FeedScope, lang: Lang): string {
  if (scope.kind === 'facility') return `${base}/facility/${encodeURIComponent(scope.id)}?lang=${lang}`
  if (scope.kind === 'road') return `${base}/road/${encodeURIComponent(scope.id)}?lang=${lang}`
  return `${base}/?lang=${lang}`
}

/** Builds the Atom 1.0 document of one scope (RFC 4287; the `feed` package writes the XML). */
export async function atomFeed(
  db: Database,
  scope: FeedScope,
  lang: Lang,
  base: string,
  self: string,
): Promise<string> {
  const subject = await feedSubject(db, scope)
  if (!subject) {
    const what =
      scope.kind === 'sub_district'
        ? `sub-district with code '${scope.code}'`
        : `${scope.kind} with id '${'id' in scope ? scope.id : ''}'`
    throw new NotFoundError(`No ${what}`)
  }
  const rows = await feedEntries(db, scope, ENTRIES)
  const words = WORDS[lang]
  const name = lang === 'zh' ? subject.nameZh : subject.nameEn
  const newest = rows[0] ? new Date(rows[0].recordedAt) : new Date(0)
  const feed = new Feed({
    id: self,
    title: scope.kind === 'programme' ? words.programme : words.scoped(name),
    description: words.subtitle,
    link: pageOf(base, scope, lang),
    updated: newest,
    generator: 'OneMap',
    feedLinks: { atom: self },
    author: { name: lang === 'zh' ? '高新一张图' : 'OneMap Gaoxin', link: base },
    copyright: lang === 'zh' ? '示例数据，非权威数据' : 'Sample data, not authoritative',
  })
  const labels = STATUS_LABELS[lang]
  for (const row of rows) {
    const label = (s: string | null) => (s === null ? null : (labels[row.entity][s] ?? s))
    const itemName = lang === 'zh' ? row.nameZh : row.nameEn
    const link = entryLink(base, row, lang)
    feed.addItem({
      id: `${base}/feeds/events/${row.id}`,
      title: words.change(itemName, label(row.from), label(row.to) as string),
      link,
      date: new Date(row.recordedAt),
      published: new Date(row.recordedAt),
      description: words.summary(row.happenedOn, row.entity === 'road_segment' ? row.entityId : null),
    })
  }
  // The `feed` package writes no xml:lang on Atom (only RSS has <language>); RFC 4287 takes it on the root.
  const ROOT = '<feed xmlns="http://www.w3.org/2005/Atom">'
  return feed
    .atom1()
    .replace(ROOT, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`)
}

/**
 * GET /feeds/programme.atom, /feeds/sub-district/{code}.atom, /feeds/facility/{id}.atom and
 * /feeds/road/{id}.atom, each with an optional ?lang=zh|en. Public changes only (docs/public-fields.md).
 */
export async function feedRoutes(app: FastifyInstance, options: { db: Database }): Promise<void> {
  const { db } = options
  app.setErrorHandler(answerError)
  const send = async (request: FastifyRequest<{ Querystring: RawQuery }>, scope: FeedScope) => {
    const lang = langParam(request.query)
    const base = origin(request)
    return atomFeed(db, scope, lang, base, `${base}${request.url}`)
  }
  const atom = { 'content-type': ATOM_TYPE, 'cache-control': 'public, max-age=60' }

  app.get<{ Querystring: RawQuery }>('/feeds/programme.atom', async (request, reply) =>
    reply.headers(atom).send(await send(request, { kind: 'programme' })),
  )
  app.get<{ Params: { file: string }; Querystring: RawQuery }>('/feeds/sub-district/:file', async (request, reply) =>
    reply
      .headers(atom)
      .send(await send(request, { kind: 'sub_district', code: atomName('code', request.params.file, DIVISION_CODE) })),
  )
  app.get<{ Params: { file: string }; Querystring: RawQuery }>('/feeds/facility/:file', async (request, reply) =>
    reply.headers(atom).send(await send(request, { kind: 'facility', id: atomName('id', request.params.file, ID) })),
  )
  app.get<{ Params: { file: string }; Querystring: RawQuery }>('/feeds/road/:file', async (request, reply) =>
    reply.headers(atom).send(await send(request, { kind: 'road', id: atomName('id', request.params.file, ID) })),
  )
}
