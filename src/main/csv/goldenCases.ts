import type { CsvExportField } from '../../shared/csv'

/** The values RELIABILITY.md 19 and the issue name, each as a first name (and more cells). */
export const goldenValues = [
  '=1+1',
  '\n=cmd',
  '\u0000=1',
  ' =1',
  '@SUM(A1)',
  '-2+3',
  '+49 211 5558 0',
  'Müller;"Hans"',
  'Zeile 1\r\nZeile 2',
  'Jürgen Größe 😀',
  '\uFF1D1+1',
  "'=1+1",
  "'plain",
  '\t=1',
  '0123',
  'Ann, Lee',
] as const

/** One exported record per golden value; other cells hold ordinary data. */
export function goldenRecords(): Record<CsvExportField, string>[] {
  return goldenValues.map((value, position) => ({
    id: `user-${position + 1}`,
    firstName: value,
    lastName: value,
    email: `user${position + 1}@example.com`,
    language: 'de',
    admin: 'no',
    telephony: 'yes',
    fax: 'no',
    extensions: position % 2 === 0 ? String(20 + position) : '0123, 10',
    numbers: '+49 211 55580, +49 211 55581',
    devices: '1',
    extraDevices: '0',
    monthlyCost: '0.00',
    location: 'Düsseldorf',
    routingComplete: 'yes',
  }))
}
