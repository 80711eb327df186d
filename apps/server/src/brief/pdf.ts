import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

/** Chromium is not where we looked; the message says how to get it. */
export class ChromiumMissing extends Error {
  constructor(path: string) {
    super(
      `Chromium was not found at ${path}. Install Debian's build (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH to a Chromium binary.`,
    )
  }
}

/**
 * Prints the brief's HTML to an A4 PDF with the system's Chromium (headless, via playwright-core; never a
 * downloaded browser). The page is self-contained (inline SVG map and CSS), so nothing is fetched.
 */
export async function htmlToPdf(html: string, chromiumPath: string): Promise<Buffer> {
  if (!existsSync(chromiumPath)) throw new ChromiumMissing(chromiumPath)
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-background-networking', '--no-first-run'],
  })
  try {
    const page = await browser.newPage()
    await page.setContent(html, { waitUntil: 'load' })
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
  } finally {
    await browser.close()
  }
}
