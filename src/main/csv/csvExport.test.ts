import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { csvColumns } from '../../shared/csv'
import { openTestPlan } from '../testing/planFixture'
import { listUsers } from '../users/usersService'
import { exportCsv, toCsv } from './csvExport'
import { guardCell, needsGuard, unguardCell } from './formulaGuard'
import { goldenRecords, goldenValues } from './goldenCases'

const fixture = (name: string): string => path.join(import.meta.dirname, 'fixtures', name)

describe('formula guard (RELIABILITY 19)', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['\n=cmd', "'\n=cmd"],
    ['\u0000=1', "'\u0000=1"],
    [' =1', "' =1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-2+3', "'-2+3"],
    ['+49 211 5558 0', "'+49 211 5558 0"],
    ['\t=1', "'\t=1"],
    ['\uFF1D1', "'\uFF1D1"],
    ['\uFF0B49', "'\uFF0B49"],
    ["'=1", "''=1"],
    ['0123', "'0123"],
  ])('guards %j as %j and reads it back', (value, written) => {
    expect(guardCell(value)).toBe(written)
    expect(unguardCell(written)).toBe(value)
  })

  it.each(['Müller;"Hans"', 'Anna', "'plain", "O'Brien", '10', '', '4.95', 'a=b', 'Jürgen 😀'])(
    'leaves %j alone',
    (value) => {
      expect(needsGuard(value)).toBe(false)
      expect(unguardCell(value)).toBe(value)
    },
  )

  it('never writes a TAB prefix', () => {
    for (const value of goldenValues) expect(guardCell(value).startsWith('\t')).toBe(false)
  })
})

describe('CSV export', () => {
  for (const [delimiter, name] of [
    [';', 'golden-semicolon.csv'],
    [',', 'golden-comma.csv'],
  ] as const) {
    it(`writes the golden values byte for byte (${name})`, async () => {
      const text = toCsv(goldenRecords(), delimiter)
      if (process.env.UPDATE_GOLDEN === '1') await writeFile(fixture(name), text, 'utf8')
      expect(Buffer.from(text, 'utf8').equals(await readFile(fixture(name)))).toBe(true)
    })

    it(`reads back as written: BOM, CRLF, every value unguarded (${delimiter})`, () => {
      const text = toCsv(goldenRecords(), delimiter)
      expect(text.startsWith('\uFEFFid' + delimiter + 'first_name')).toBe(true)
      expect(text.endsWith('\r\n')).toBe(true)
      const rows = parse(text, { bom: true, delimiter, relax_column_count: false }) as string[][]
      expect(rows[0]).toEqual(csvColumns.map((column) => column.header))
      rows.slice(1).forEach((row, position) => {
        expect(unguardCell(row[1]!)).toBe(goldenValues[position])
        for (const cell of row) expect(needsGuard(cell) && !cell.startsWith("'")).toBe(false)
      })
    })
  }

  it('exports the whole list or exactly what listUsers shows for the filter, and no password material', async () => {
    const store = await openTestPlan()
    const all = exportCsv(store.plan, { scope: 'all', search: 'ben', filters: ['admins'], delimiter: ',' })
    expect(all.rows).toBe(2)
    const admins = exportCsv(store.plan, { scope: 'filter', search: '', filters: ['admins'], delimiter: ',' })
    const listed = listUsers(store.plan, {
      search: '',
      filters: ['admins'],
      sort: 'name',
      descending: false,
      offset: 0,
      limit: 500,
    })
    expect(admins.rows).toBe(listed.total)
    const rows = parse(admins.text, { bom: true }) as string[][]
    expect(rows.slice(1).map((row) => row[0])).toEqual(listed.items.map((item) => item.id))
    expect(all.text).not.toMatch(/scrypt|hash|password/i)
    expect(all.text).toContain("'+49 211 55580")
  })
})
