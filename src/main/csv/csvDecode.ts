import { CsvError, parse } from 'csv-parse/sync'
import { CSV_LIMITS } from '../../shared/csv'

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be'

/** Why a file cannot be read at all; the import then changes nothing. */
export type DecodeProblem =
  | { kind: 'tooLarge' }
  | { kind: 'tooManyRows' }
  | { kind: 'empty' }
  | { kind: 'binary' }
  | { kind: 'malformed'; line: number; reason: string }

export interface DecodedFile {
  encoding: Encoding
  delimiter: ',' | ';' | '\t'
  header: string[]
  /** Data rows with the line each starts on (the header is line 1). */
  rows: { line: number; cells: string[] }[]
}

/*
 * Windows-1252 differs from Latin-1 in 0x80–0x9F (€, „, “, Š, …). Node's TextDecoder decodes the
 * label 'windows-1252' as Latin-1 (those bytes become C1 controls), so the 32 are mapped here.
 */
const cp1252High =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178'

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = ''
  for (let start = 0; start < bytes.length; start += 8192) {
    let part = ''
    for (const byte of bytes.subarray(start, start + 8192)) {
      part += byte >= 0x80 && byte <= 0x9f ? cp1252High[byte - 0x80] : String.fromCharCode(byte)
    }
    text += part
  }
  return text
}

/**
 * RELIABILITY 20: UTF-16 by its BOM (or, without one, by the zero bytes of ASCII text), UTF-8 with
 * or without BOM, and anything that is not valid UTF-8 as Windows-1252 (what Excel writes as "CSV").
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' }
  }
  const sample = bytes.subarray(0, 4096)
  let zeroOdd = 0
  let zeroEven = 0
  for (let position = 0; position < sample.length; position++) {
    if (sample[position] === 0) {
      if (position % 2 === 0) zeroEven++
      else zeroOdd++
    }
  }
  if (sample.length >= 4 && zeroOdd > sample.length / 4 && zeroEven === 0) {
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' }
  }
  if (sample.length >= 4 && zeroEven > sample.length / 4 && zeroOdd === 0) {
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' }
  }
}

/** The delimiter that splits the header row (outside quotes) most often: `,`, `;` or TAB. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 }
  let quoted = false
  for (const character of text) {
    if (character === '"') quoted = !quoted
    else if (!quoted && (character === '\n' || character === '\r')) break
    else if (!quoted && character in counts) counts[character as keyof typeof counts]++
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t'
  return counts[';'] > counts[','] ? ';' : ','
}

const isBlank = (cells: readonly string[]): boolean => cells.every((cell) => cell.trim() === '')

export function decodeCsv(bytes: Uint8Array): DecodedFile | DecodeProblem {
  if (bytes.length > CSV_LIMITS.fileBytes) return { kind: 'tooLarge' }
  const { text, encoding } = decodeText(bytes)
  if (text.includes('\u0000')) return { kind: 'binary' }
  if (text.trim() === '') return { kind: 'empty' }
  const delimiter = detectDelimiter(text)
  let records: { record: string[]; raw: string }[]
  try {
    records = parse(text, {
      delimiter,
      raw: true,
      relax_column_count: true,
      max_record_size: CSV_LIMITS.cell * 64,
      to_line: CSV_LIMITS.rows + 1000,
    }) as unknown as { record: string[]; raw: string }[]
  } catch (error) {
    if (error instanceof CsvError) {
      const line = Number((error as CsvError & { lines?: number }).lines ?? 0)
      return { kind: 'malformed', line, reason: error.message.replace(/^[^:]*:\s*/, '') }
    }
    throw error
  }
  let line = 1
  const rows: { line: number; cells: string[] }[] = []
  let header: string[] | null = null
  for (const { record, raw } of records) {
    const start = line
    line += (raw.match(/\n/g)?.length ?? 0) + 1
    if (isBlank(record)) continue
    if (header === null) header = record.map((cell) => cell.trim())
    else rows.push({ line: start, cells: record })
    if (rows.length > CSV_LIMITS.rows) return { kind: 'tooManyRows' }
  }
  if (header === null || rows.length === 0) return { kind: 'empty' }
  return { encoding, delimiter, header, rows }
}
