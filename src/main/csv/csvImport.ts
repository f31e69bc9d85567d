import { LIMITS, LIMITS_MODEL } from '../../shared/domain'
import type { Language } from '../../shared/domain'
import type { CsvImportField, ImportRowError, ImportRowStatus } from '../../shared/csv'
import type { AppError } from '../../shared/result'
import { checkedDeviceNumber } from '../devices/devicesService'
import { fieldLabel, message } from '../messages'
import { parseTypedNumber } from '../numbers/typedNumber'
import { fullName } from '../rights'
import type { Actor } from '../rights'
import { DEFAULT_VOICEMAIL, appDevice, newId } from '../store/planFile'
import type { Plan, StoredUser } from '../store/planFile'
import { emailProblem, freeExtension, freePoolNumber } from '../users/usersService'
import { t as usersText } from '../users/usersMessages'
import { t } from './csvMessages'
import type { HeaderMatch } from './csvHeaders'
import { unguardCell } from './formulaGuard'

/** One data row of a file, its cells by field (unguarded), as the person may have corrected it. */
export interface ImportRow {
  line: number
  values: Partial<Record<CsvImportField, string>>
  /** Cells beyond the header's columns (an error), or 0. */
  extraCells: number
}

export interface RowOutcome {
  status: ImportRowStatus
  errors: ImportRowError[]
  changes: CsvImportField[]
}

/** The rows of a decoded file by the matched headers; unknown and computed columns are dropped. */
export function toImportRows(
  columns: readonly HeaderMatch[],
  rows: readonly { line: number; cells: string[] }[],
): ImportRow[] {
  return rows.map(({ line, cells }) => {
    const values: Partial<Record<CsvImportField, string>> = {}
    columns.forEach((column, position) => {
      if (column.field !== null) values[column.field] = unguardCell(cells[position] ?? '')
    })
    const extra = cells.slice(columns.length).filter((cell) => cell.trim() !== '').length
    return { line, values, extraCells: extra > 0 ? cells.length : 0 }
  })
}

const booleans: Record<string, boolean> = {
  yes: true,
  y: true,
  true: true,
  '1': true,
  x: true,
  ja: true,
  j: true,
  wahr: true,
  no: false,
  n: false,
  false: false,
  '0': false,
  nein: false,
  falsch: false,
}

function languageOf(text: string): Language | null {
  const value = text.trim().toLowerCase()
  if (/^(de|deu|ger|german|deutsch)([_-].*)?$/.test(value)) return 'de'
  if (/^(en|eng|english|englisch)([_-].*)?$/.test(value)) return 'en'
  return null
}

/** Extensions in a cell: `10, 11` (also `;`, `|` or spaces between them). */
export const splitExtensions = (text: string): string[] => [
  ...new Set(
    text
      .split(/[\s,;|]+/)
      .map((item) => item.trim())
      .filter(Boolean),
  ),
]
/** Phone numbers in a cell: `+49 211 55580, +49 211 55581` (numbers contain spaces). */
export const splitNumbers = (text: string): string[] =>
  text
    .split(/[,;|\n]+/)
    .map((item) => item.trim())
    .filter(Boolean)

interface Index {
  byId: Map<string, StoredUser>
  byEmail: Map<string, StoredUser>
  locationByName: Map<string, string>
  /** e164 → pool position. */
  numberPosition: Map<string, number>
}

function indexOf(plan: Plan): Index {
  const index: Index = {
    byId: new Map(),
    byEmail: new Map(),
    locationByName: new Map(),
    numberPosition: new Map(),
  }
  for (const user of plan.users) {
    index.byId.set(user.id, user)
    index.byEmail.set(user.email.toLowerCase(), user)
  }
  for (const location of [...plan.locations].reverse()) {
    index.locationByName.set(location.name.trim().toLowerCase(), location.id)
  }
  plan.numbers.forEach((entry, position) => index.numberPosition.set(entry.number, position))
  return index
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000')

/** What a row asks for, once every cell passed its rule. */
interface Wanted {
  firstName: string
  lastName: string
  email: string
  language: Language
  admin: boolean
  telephony: boolean
  fax: boolean
  locationId: string | null
  extensions: string[] | null
  /** E.164 numbers; those not in the pool yet are added to it. */
  numbers: string[] | null
  mobile: string | null
}

/**
 * Checks and applies the rows, in file order, to `draft` (a draft of the plan: the preview drops
 * it, the commit keeps it). Each rule is main's own (users, extensions, numbers, devices). A row
 * with an error changes nothing; excluded rows are skipped.
 */
export function applyImport(
  draft: Plan,
  actor: Actor,
  rows: readonly ImportRow[],
  excluded: ReadonlySet<number>,
): RowOutcome[] {
  const language = actor.language
  const index = indexOf(draft)
  const seenEmail = new Map<string, number>()
  const seenId = new Map<string, number>()
  const adminRemovedBy: number[] = []
  const extensionsOf = (owner: string): string[] =>
    draft.extensions
      .filter((entry) => entry.owner.kind === 'user' && entry.owner.id === owner)
      .map((entry) => entry.extension)
  const numbersOf = (owner: string): string[] =>
    draft.numbers
      .filter((entry) => entry.assignedTo?.kind === 'user' && entry.assignedTo.id === owner)
      .map((entry) => entry.number)

  const outcomes = rows.map((row, position): RowOutcome => {
    if (excluded.has(position)) return { status: 'unchanged', errors: [], changes: [] }
    const errors: ImportRowError[] = []
    const add = (field: CsvImportField | null, text: string): void => {
      errors.push({ field, header: null, message: text })
    }
    const refused = (field: CsvImportField, error: AppError): void => add(field, error.message)
    const values = row.values
    const cell = (field: CsvImportField): string | null =>
      values[field] === undefined ? null : values[field].trim()
    if (row.extraCells > 0) {
      add(null, t(language, 'row.tooManyCells', { count: row.extraCells, max: Object.keys(values).length }))
    }

    // Who the row is: by id, else by email; anything else is a new user.
    const id = cell('id') ?? ''
    const emailCell = cell('email') ?? ''
    const lowerEmail = emailCell.toLowerCase()
    let user = id !== '' ? index.byId.get(id) : undefined
    if (!user && lowerEmail !== '') user = index.byEmail.get(lowerEmail)
    for (const [key, seen, shown] of [
      [id, seenId, id],
      [lowerEmail, seenEmail, emailCell],
    ] as const) {
      if (key === '') continue
      const earlier = seen.get(key)
      if (earlier !== undefined) {
        add(
          seen === seenId ? 'id' : 'email',
          t(language, 'row.duplicateInFile', { value: shown, line: earlier }),
        )
      } else seen.set(key, row.line)
    }

    const text = (field: 'firstName' | 'lastName' | 'email', current: string | undefined): string => {
      const value = cell(field)
      if (value === null || value === '') {
        if (current !== undefined) return current
        add(field, message(language, 'field.required', { field: fieldLabel(language, field) }))
        return ''
      }
      const max = field === 'email' ? LIMITS.email : LIMITS.name
      if (value.length > max) {
        add(field, message(language, 'field.tooLong', { field: fieldLabel(language, field), max }))
      }
      return value
    }
    const flag = (field: 'admin' | 'telephony' | 'fax', current: boolean): boolean => {
      const value = cell(field)
      if (value === null || value === '') return current
      const parsed = booleans[value.toLowerCase()]
      if (parsed === undefined) {
        add(field, t(language, 'row.boolean', { field: fieldLabel(language, field), value }))
        return current
      }
      return parsed
    }

    const wanted: Wanted = {
      firstName: text('firstName', user?.firstName),
      lastName: text('lastName', user?.lastName),
      email: text('email', user?.email),
      language: user?.language ?? language,
      admin: flag('admin', user?.admin ?? false),
      telephony: flag('telephony', user?.permissions.telephony ?? true),
      fax: flag('fax', user?.permissions.fax ?? false),
      locationId: user?.locationId ?? null,
      extensions: null,
      numbers: null,
      mobile: null,
    }
    if (wanted.email !== '' && !errors.some((error) => error.field === 'email')) {
      const lower = wanted.email.toLowerCase()
      const problem = emailProblem(language, wanted.email, () => {
        const owner = index.byEmail.get(lower)
        return owner && owner !== user ? owner : undefined
      })
      if (problem) refused('email', problem.error)
    }
    const languageCell = cell('language')
    if (languageCell !== null && languageCell !== '') {
      const parsed = languageOf(languageCell)
      if (parsed) wanted.language = parsed
      else add('language', t(language, 'row.language', { value: languageCell }))
    }
    const locationCell = cell('location')
    if (locationCell !== null) {
      if (locationCell === '') wanted.locationId = null
      else {
        const found = index.locationByName.get(locationCell.toLowerCase())
        if (found) wanted.locationId = found
        else add('location', t(language, 'row.location', { value: locationCell }))
      }
    }

    const extensionsCell = cell('extensions')
    if (extensionsCell !== null) {
      const held = user ? new Set(extensionsOf(user.id)) : new Set<string>()
      const list = splitExtensions(extensionsCell)
      if (list.length > LIMITS_MODEL.extensionsPerUser) {
        add('extensions', t(language, 'row.tooManyExtensions', { max: LIMITS_MODEL.extensionsPerUser }))
      }
      for (const extension of list) {
        if (held.has(extension)) continue
        const free = freeExtension(draft, language, extension)
        if (!free.ok) refused('extensions', free.error)
      }
      wanted.extensions = list
    }

    const numbersCell = cell('numbers')
    if (numbersCell !== null) {
      const held = user ? new Set(numbersOf(user.id)) : new Set<string>()
      const list: string[] = []
      for (const typed of splitNumbers(numbersCell)) {
        const parsed = parseTypedNumber(typed, draft.account.country)
        if (parsed.ok && held.has(parsed.e164)) {
          list.push(parsed.e164)
          continue
        }
        const free = freePoolNumber(draft, language, typed)
        if (free.ok || (free.error.code === 'not_found' && parsed.ok)) {
          if (parsed.ok && !list.includes(parsed.e164)) list.push(parsed.e164)
        } else refused('numbers', free.error)
      }
      wanted.numbers = list
    }

    const mobileCell = cell('mobile')
    if (mobileCell !== null && mobileCell !== '') {
      const checked = checkedDeviceNumber(draft, actor, 'mobile', mobileCell)
      if (checked.ok) wanted.mobile = checked.e164
      else refused('mobile', checked.error)
    }

    if (user) {
      const devices = draft.devices.filter((device) => device.userId === user!.id)
      if (
        user.permissions.telephony &&
        !wanted.telephony &&
        devices.some((device) => device.type === 'app')
      ) {
        add('telephony', t(language, 'row.removesTelephony', { name: fullName(user) }))
      }
      if (user.permissions.fax && !wanted.fax && draft.faxLines.some((line) => line.userId === user!.id)) {
        add('fax', t(language, 'row.removesFax', { name: fullName(user) }))
      }
    }
    if (errors.length > 0) return { status: 'error', errors, changes: [] }

    if (!user) {
      createFromRow(draft, index, wanted, language)
      return { status: 'new', errors, changes: [] }
    }
    const changes = updateFromRow(draft, index, user, wanted, {
      extensions: extensionsOf(user.id),
      numbers: numbersOf(user.id),
    })
    if (changes.includes('admin') && !wanted.admin) adminRemovedBy.push(position)
    return { status: changes.length > 0 ? 'update' : 'unchanged', errors, changes }
  })

  // DOMAIN.md: at least one admin always remains.
  if (!draft.users.some((user) => user.admin)) {
    for (const position of adminRemovedBy) {
      const outcome = outcomes[position]!
      const email = rows[position]!.values.email ?? ''
      outcome.status = 'error'
      outcome.errors.push({
        field: 'admin',
        header: null,
        message: usersText(language, 'admin.lastAdmin', { name: email }),
      })
    }
  }
  return outcomes
}

function assignNumbers(draft: Plan, index: Index, userId: string, numbers: readonly string[]): void {
  for (const number of numbers) {
    const position = index.numberPosition.get(number)
    if (position === undefined) {
      index.numberPosition.set(number, draft.numbers.length)
      draft.numbers.push({ number, assignedTo: { kind: 'user', id: userId } })
    } else draft.numbers[position]!.assignedTo = { kind: 'user', id: userId }
  }
}

function addMobile(draft: Plan, userId: string, number: string, language: Language): void {
  const has = draft.devices.some(
    (device) => device.userId === userId && device.type === 'mobile' && device.number === number,
  )
  if (!has) {
    draft.devices.push({
      id: newId(),
      userId,
      name: t(language, 'row.mobileName'),
      active: true,
      type: 'mobile',
      number,
    })
  }
}

function createFromRow(draft: Plan, index: Index, wanted: Wanted, language: Language): void {
  const user: StoredUser = {
    id: newId(),
    firstName: wanted.firstName,
    lastName: wanted.lastName,
    email: wanted.email,
    language: wanted.language,
    admin: wanted.admin,
    permissions: { telephony: wanted.telephony, fax: wanted.fax },
    locationId: wanted.locationId,
    passwordHash: null,
    voicemail: { ...DEFAULT_VOICEMAIL },
  }
  draft.users.push(user)
  index.byId.set(user.id, user)
  index.byEmail.set(user.email.toLowerCase(), user)
  if (user.permissions.telephony) draft.devices.push(appDevice(user.id, user.language))
  for (const extension of wanted.extensions ?? []) {
    draft.extensions.push({ extension, owner: { kind: 'user', id: user.id } })
  }
  assignNumbers(draft, index, user.id, wanted.numbers ?? [])
  if (wanted.mobile) addMobile(draft, user.id, wanted.mobile, language)
}

/** Applies a checked row to an existing user; returns the fields that changed. */
function updateFromRow(
  draft: Plan,
  index: Index,
  stored: StoredUser,
  wanted: Wanted,
  held: { extensions: string[]; numbers: string[] },
): CsvImportField[] {
  const position = draft.users.findIndex((candidate) => candidate.id === stored.id)
  const user = draft.users[position]!
  const changes: CsvImportField[] = []
  const set = <K extends 'firstName' | 'lastName' | 'email' | 'language' | 'admin' | 'locationId'>(
    key: K,
    field: CsvImportField,
    value: StoredUser[K],
  ): void => {
    if (user[key] !== value) {
      user[key] = value
      changes.push(field)
    }
  }
  if (user.email !== wanted.email) {
    index.byEmail.delete(user.email.toLowerCase())
    index.byEmail.set(wanted.email.toLowerCase(), user)
  }
  set('firstName', 'firstName', wanted.firstName)
  set('lastName', 'lastName', wanted.lastName)
  set('email', 'email', wanted.email)
  set('language', 'language', wanted.language)
  set('admin', 'admin', wanted.admin)
  set('locationId', 'location', wanted.locationId)
  if (user.permissions.telephony !== wanted.telephony) {
    user.permissions = { ...user.permissions, telephony: wanted.telephony }
    changes.push('telephony')
    if (wanted.telephony && !draft.devices.some((d) => d.userId === user.id && d.type === 'app')) {
      draft.devices.push(appDevice(user.id, user.language))
    }
  }
  if (user.permissions.fax !== wanted.fax) {
    user.permissions = { ...user.permissions, fax: wanted.fax }
    changes.push('fax')
  }
  if (wanted.extensions && !sameSet(wanted.extensions, held.extensions)) {
    const keep = new Set(wanted.extensions)
    draft.extensions = draft.extensions.filter(
      (entry) => !(entry.owner.kind === 'user' && entry.owner.id === user.id && !keep.has(entry.extension)),
    )
    for (const extension of wanted.extensions) {
      if (!held.extensions.includes(extension)) {
        draft.extensions.push({ extension, owner: { kind: 'user', id: user.id } })
      }
    }
    changes.push('extensions')
  }
  if (wanted.numbers && !sameSet(wanted.numbers, held.numbers)) {
    const keep = new Set(wanted.numbers)
    for (const number of held.numbers) {
      if (!keep.has(number)) draft.numbers[index.numberPosition.get(number)!]!.assignedTo = null
    }
    assignNumbers(
      draft,
      index,
      user.id,
      wanted.numbers.filter((number) => !held.numbers.includes(number)),
    )
    changes.push('numbers')
  }
  if (wanted.mobile) {
    const before = draft.devices.length
    addMobile(draft, user.id, wanted.mobile, user.language)
    if (draft.devices.length !== before) changes.push('mobile')
  }
  return changes
}
