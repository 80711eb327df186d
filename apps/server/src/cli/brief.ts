import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { TRPCError } from '@trpc/server'
import { briefHtml } from '../brief/make.ts'
import { ChromiumMissing, htmlToPdf } from '../brief/pdf.ts'
import { prepareDatabase } from '../boot.ts'
import type { Env } from '../env.ts'

export const BRIEF_USAGE = `pnpm onemap brief --since YYYY-MM-DD [--area 410172xxx] [--lang zh|en] [--out brief.pdf]
      the weekly meeting brief as an A4 PDF (headless Chromium: CHROMIUM_PATH, default /usr/bin/chromium)`

/** `pnpm onemap brief`: writes the weekly meeting brief as a PDF; returns the process exit code. */
export async function runBrief(args: string[], env: Env, say: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      since: { type: 'string' },
      area: { type: 'string' },
      lang: { type: 'string', default: 'zh' },
      out: { type: 'string', default: 'brief.pdf' },
    },
  })
  if (!values.since || !/^\d{4}-\d{2}-\d{2}$/.test(values.since) || (values.lang !== 'zh' && values.lang !== 'en')) {
    console.error(BRIEF_USAGE)
    return 2
  }
  const db = await prepareDatabase(env, say)
  try {
    const html = await briefHtml(db, { since: values.since, area: values.area, lang: values.lang })
    writeFileSync(values.out, await htmlToPdf(html, env.CHROMIUM_PATH))
    say(`Wrote the brief since ${values.since}${values.area ? ` for ${values.area}` : ''} to ${values.out}`)
    return 0
  } catch (err) {
    if (err instanceof ChromiumMissing || (err instanceof TRPCError && err.code !== 'INTERNAL_SERVER_ERROR')) {
      console.error(err.message)
      return 1
    }
    throw err
  } finally {
    await db.close()
  }
}
