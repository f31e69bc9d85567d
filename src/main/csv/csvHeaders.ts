import { csvColumns } from '../../shared/csv'
import type { CsvImportField } from '../../shared/csv'

/** A header as compared: lower case, without spaces, underscores, hyphens and dots. */
export const normalizeHeader = (header: string): string =>
  header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '')

/**
 * Header names per field: ours (README "CSV columns") and those of the systems people move from —
 * FreePBX User Manager (fname, lname, email, default_extension), 3CX (FirstName, LastName,
 * EmailAddress, MobileNumber, Number = the extension), Wazo (firstname, lastname, email, language,
 * exten, mobile_phone_number).
 */
const aliases: Record<CsvImportField, readonly string[]> = {
  id: ['id', 'userid'],
  firstName: ['firstname', 'fname', 'givenname', 'vorname'],
  lastName: ['lastname', 'lname', 'surname', 'familyname', 'nachname'],
  email: ['email', 'emailaddress', 'mail', 'emailadresse'],
  language: ['language', 'lang', 'sprache'],
  admin: ['admin'],
  telephony: ['telephony', 'telefonie'],
  fax: ['fax'],
  extensions: ['extensions', 'extension', 'defaultextension', 'exten', 'number', 'durchwahl', 'durchwahlen'],
  numbers: ['phonenumbers', 'phonenumber', 'numbers', 'did', 'rufnummern', 'rufnummer'],
  mobile: ['mobilenumber', 'mobilephonenumber', 'mobile', 'mobil'],
  location: ['location', 'standort'],
}

const fieldByName = new Map<string, CsvImportField>()
for (const [field, names] of Object.entries(aliases) as [CsvImportField, readonly string[]][]) {
  for (const name of names) fieldByName.set(name, field)
}

/** Our computed columns: known, ignored on import, never listed as unknown. */
const computed = new Set(
  csvColumns.map((column) => normalizeHeader(column.header)).filter((name) => !fieldByName.has(name)),
)

export interface HeaderMatch {
  header: string
  field: CsvImportField | null
  /** One of our computed columns (devices, cost, …): read by nobody. */
  ignored: boolean
}

export function matchHeaders(header: readonly string[]): HeaderMatch[] {
  return header.map((name) => {
    const normalized = normalizeHeader(name)
    const field = fieldByName.get(normalized) ?? null
    return { header: name, field, ignored: field === null && computed.has(normalized) }
  })
}
