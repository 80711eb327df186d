import iconv from 'iconv-lite'
import { usageError, unreadable } from '../errors.ts'

/** Code pages .cpg files name, mapped to WHATWG labels TextDecoder knows. */
const CODE_PAGES: Record<string, string> = {
  '936': 'gbk',
  cp936: 'gbk',
  gb2312: 'gbk',
  gbk: 'gbk',
  '54936': 'gb18030',
  gb18030: 'gb18030',
  '65001': 'utf-8',
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  '1252': 'windows-1252',
  ansi_1252: 'windows-1252',
  big5: 'big5',
  '950': 'big5',
}

/** The text encoding of a CSV, checked against iconv-lite (which decodes it as a stream). */
export function csvEncoding(option: string | undefined): string {
  const label = (option ?? 'utf-8').trim().toLowerCase()
  if (!iconv.encodingExists(label)) throw usageError(`Unknown --encoding '${option}'; use e.g. utf-8, gbk or gb18030`)
  return label
}

/**
 * The encoding of a .dbf: --encoding wins, then the .cpg beside it, then UTF-8. `shapefile` decodes
 * with TextDecoder, so the label must be one TextDecoder accepts (Node ships full ICU: gbk, gb18030, big5).
 */
export function dbfEncoding(
  option: string | undefined,
  cpg: string | undefined,
  file: string,
): { label: string; from: string } {
  const pick = (text: string, from: string) => {
    const label = CODE_PAGES[text.trim().toLowerCase()] ?? text.trim().toLowerCase()
    try {
      new TextDecoder(label)
    } catch {
      throw from === '--encoding'
        ? usageError(`Unknown --encoding '${text}'; use e.g. utf-8, gbk or gb18030`)
        : unreadable(`${file}: its .cpg names the encoding '${text}', which OneMap cannot decode; pass --encoding`)
    }
    return { label, from }
  }
  if (option) return pick(option, '--encoding')
  if (cpg) return pick(cpg, '.cpg')
  return { label: 'utf-8', from: 'default: no .cpg in the zip' }
}
