import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { toCsv } from './csvExport'
import { goldenRecords } from './goldenCases'
import { needsGuard } from './formulaGuard'

/*
 * A real spreadsheet reads our export: LibreOffice Calc (headless) opens the CSV as a person's
 * double click would (its default CSV options, UTF-8) and saves it as a flat ODF spreadsheet;
 * every cell must read back as the text we wrote, and none may be a formula.
 */
const run = promisify(execFile)

async function sofficePath(): Promise<string | null> {
  for (const candidate of [process.env.SOFFICE, '/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice']) {
    if (!candidate) continue
    try {
      await run(candidate, ['--version'], { timeout: 60_000 })
      return candidate
    } catch {
      // try the next one
    }
  }
  return null
}

const soffice = await sofficePath()
if (!soffice && process.env.CI === 'true') {
  throw new Error('LibreOffice (soffice) is missing in CI: .ci/run installs libreoffice-calc-nogui')
}
if (!soffice)
  console.warn('skipped: LibreOffice (soffice) is not installed; apt-get install libreoffice-calc-nogui')

const decode = (xml: string): string =>
  xml
    .replace(/<text:s\s*\/>/g, ' ')
    .replace(/<text:s text:c="(\d+)"\s*\/>/g, (_all, count: string) => ' '.repeat(Number(count)))
    .replace(/<text:tab\s*\/>/g, '\t')
    .replace(/<text:line-break\s*\/>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

interface Cell {
  text: string
  type: string | null
  value: string | null
  formula: boolean
}

/** The cells of the first table of a flat ODF spreadsheet, row by row. */
function cellsOf(fods: string): Cell[][] {
  const table = fods.slice(fods.indexOf('<table:table '), fods.indexOf('</table:table>'))
  const rows: Cell[][] = []
  for (const rowMatch of table.matchAll(/<table:table-row[^>]*?(?:\/>|>([\s\S]*?)<\/table:table-row>)/g)) {
    const cells: Cell[] = []
    const body = rowMatch[1] ?? ''
    for (const cellMatch of body.matchAll(
      /<table:(?:covered-)?table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g,
    )) {
      const attributes = cellMatch[1] ?? ''
      const content = cellMatch[2] ?? ''
      const paragraphs = [...content.matchAll(/<text:p[^>]*?(?:\/>|>([\s\S]*?)<\/text:p>)/g)].map((p) =>
        decode(p[1] ?? ''),
      )
      const repeat = Number(/table:number-columns-repeated="(\d+)"/.exec(attributes)?.[1] ?? '1')
      const cell: Cell = {
        text: paragraphs.join('\n'),
        type: /office:value-type="([^"]+)"/.exec(attributes)?.[1] ?? null,
        value: /office:value="([^"]+)"/.exec(attributes)?.[1] ?? null,
        formula: /table:formula=/.test(attributes),
      }
      for (let copy = 0; copy < Math.min(repeat, 64); copy++) cells.push(cell)
    }
    rows.push(cells)
  }
  return rows
}

/** What a cell can hold: a spreadsheet keeps no NUL or other control characters, and one line break. */
const asCellText = (text: string): string =>
  text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F]/g, '')

const numericColumns = new Set(['devices', 'extra_devices', 'monthly_extra_cost'])

describe.skipIf(!soffice)('LibreOffice Calc reads the export as written', () => {
  for (const [delimiter, code] of [
    [';', 59],
    [',', 44],
  ] as const) {
    it(`every cell is the text we wrote, nothing evaluated (delimiter ${delimiter})`, async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'switchboard-lo-'))
      try {
        const csvText = toCsv(goldenRecords(), delimiter)
        const csvFile = path.join(dir, 'users.csv')
        await writeFile(csvFile, csvText, 'utf8')
        await run(
          soffice!,
          [
            `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
            '--headless',
            `--infilter=CSV:${code},34,76,1`,
            '--convert-to',
            'fods',
            '--outdir',
            dir,
            csvFile,
          ],
          { timeout: 180_000 },
        )
        const sheet = cellsOf(await readFile(path.join(dir, 'users.fods'), 'utf8'))
        const written = parse(csvText, { bom: true, delimiter }) as string[][]
        expect(sheet.length).toBeGreaterThanOrEqual(written.length)
        const header = written[0]!
        for (const [r, row] of written.entries()) {
          for (const [c, text] of row.entries()) {
            const cell = sheet[r]?.[c]
            const where = `row ${r + 1}, column ${header[c]}: ${JSON.stringify(text)}`
            expect(cell, where).toBeDefined()
            expect(cell!.formula, where).toBe(false)
            if (r > 0 && numericColumns.has(header[c]!) && cell!.type === 'float') {
              expect(Number(cell!.value), where).toBe(Number(text.replace(',', '.')))
              continue
            }
            expect(cell!.text, where).toBe(asCellText(text))
            if (needsGuard(text.slice(1))) expect(cell!.type, where).toBe('string')
          }
        }
        // Phone numbers keep their + and every digit, as text.
        const numbers = sheet[1]![header.indexOf('phone_numbers')]!
        expect(numbers.type).toBe('string')
        expect(numbers.text).toContain('+49 211 55580')
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    }, 240_000)
  }
})
