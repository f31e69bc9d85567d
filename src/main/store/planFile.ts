import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import {
  LIMITS_MODEL,
  accountSchema,
  deviceSchema,
  e164Schema,
  extensionSchema,
  faxLineSchema,
  languages,
  locationSchema,
  permissionsSchema,
  targetSchema,
  userSchema,
  voicemailSchema,
} from '../../shared/domain'
import type { Language } from '../../shared/domain'
import { extensionRuleBroken } from '../extensions/extensionRules'
import { historyEntrySchema } from '../history/historySchema'

/** The plan as stored on disk. Main validates every file against it. */
export const CURRENT_SCHEMA_VERSION = 3

/** scrypt parameters and hash, `scrypt$N$r$p$salt(base64)$hash(base64)`; never leaves main. */
export const passwordHashSchema = z
  .string()
  .regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]{16,64}\$[A-Za-z0-9+/=]{32,128}$/)

export const storedUserSchema = userSchema.extend({
  passwordHash: passwordHashSchema.nullable(),
  voicemail: voicemailSchema,
})

export const planSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  account: accountSchema,
  users: z.array(storedUserSchema),
  /** The pool: each number assigned to at most one target (the single source of assignments). */
  numbers: z.array(z.strictObject({ number: e164Schema, assignedTo: targetSchema.nullable() })),
  /** Extensions, unique across the plan, each owned by a user or a fax line. */
  extensions: z.array(z.strictObject({ extension: extensionSchema, owner: targetSchema })),
  devices: z.array(deviceSchema),
  faxLines: z.array(faxLineSchema),
  locations: z.array(locationSchema),
  /** What was changed, oldest first (schema version 3; capped, see src/main/history/). */
  history: z.array(historyEntrySchema),
})
export type Plan = z.infer<typeof planSchema>
export type StoredUser = Plan['users'][number]
export type StoredNumber = Plan['numbers'][number]
export type StoredExtension = Plan['extensions'][number]

/**
 * Cross-record rules the schema alone cannot state (DOMAIN.md, RELIABILITY.md 21). Every saved
 * state must pass; returns the first problem or null. One pass over each collection.
 */
export function planInvariantProblem(plan: Plan): string | null {
  const users = new Map<string, StoredUser>()
  const emails = new Set<string>()
  for (const user of plan.users) {
    if (users.has(user.id)) return `duplicate user id ${user.id}`
    users.set(user.id, user)
    const email = user.email.toLowerCase()
    if (emails.has(email)) return `duplicate email ${user.email}`
    emails.add(email)
  }
  if (!plan.users.some((user) => user.admin)) return 'no admin'

  const locations = new Set<string>()
  for (const location of plan.locations) {
    if (locations.has(location.id)) return `duplicate location id ${location.id}`
    locations.add(location.id)
  }
  for (const user of plan.users) {
    if (user.locationId !== null && !locations.has(user.locationId)) return `unknown location of ${user.id}`
  }

  const faxLines = new Set<string>()
  for (const line of plan.faxLines) {
    if (faxLines.has(line.id)) return `duplicate fax line id ${line.id}`
    faxLines.add(line.id)
    const owner = users.get(line.userId)
    if (!owner) return `fax line ${line.id} of an unknown user`
    if (!owner.permissions.fax) return `fax line ${line.id} of a user without fax permission`
  }
  const targetExists = (target: { kind: 'user' | 'fax'; id: string }): boolean =>
    target.kind === 'user' ? users.has(target.id) : faxLines.has(target.id)

  const numbers = new Set<string>()
  for (const entry of plan.numbers) {
    if (numbers.has(entry.number)) return `duplicate number ${entry.number}`
    numbers.add(entry.number)
    if (entry.assignedTo && !targetExists(entry.assignedTo))
      return `number ${entry.number} assigned to nobody known`
  }

  const extensions = new Set<string>()
  for (const entry of plan.extensions) {
    if (extensions.has(entry.extension)) return `duplicate extension ${entry.extension}`
    extensions.add(entry.extension)
    if (extensionRuleBroken(entry.extension) !== null) return `blocked extension ${entry.extension}`
    if (!targetExists(entry.owner)) return `extension ${entry.extension} of nobody known`
  }

  const devices = new Set<string>()
  const macs = new Set<string>()
  const apps = new Set<string>()
  for (const device of plan.devices) {
    if (devices.has(device.id)) return `duplicate device id ${device.id}`
    devices.add(device.id)
    const owner = users.get(device.userId)
    if (!owner) return `device ${device.id} of an unknown user`
    if (device.type === 'voip' && device.mac !== null) {
      if (macs.has(device.mac)) return `duplicate MAC ${device.mac}`
      macs.add(device.mac)
    }
    if (device.type === 'app') {
      if (apps.has(device.userId)) return `two apps for user ${device.userId}`
      if (!owner.permissions.telephony) return `app of user ${device.userId} without telephony`
      apps.add(device.userId)
    }
  }
  for (const user of plan.users) {
    if (user.permissions.telephony && !apps.has(user.id)) return `user ${user.id} with telephony but no app`
  }
  return null
}

export const newId = (): string => randomUUID()
/** @deprecated name kept for callers from schema version 1; use newId. */
export const newUserId = newId

export const DEFAULT_VOICEMAIL = { enabled: false, timeoutSeconds: 30 } as const

const defaultNames: Record<Language, { account: string; app: string }> = {
  de: { account: 'Meine Firma', app: 'Softphone-App' },
  en: { account: 'My company', app: 'Softphone app' },
}

/** The app device every user with telephony has (named in the plan's language). */
export function appDevice(userId: string, language: Language): Plan['devices'][number] {
  return { id: newId(), userId, type: 'app', name: defaultNames[language].app, active: true }
}

/**
 * Every new plan starts with two users: the account owner (admin, telephony) and a standard user,
 * a block of ten numbers (`+49 211 5558 0` … `9`), one number and extension each, and their apps —
 * so both can make calls from the start, as in a new hosted account.
 */
export function createDefaultPlan(language: Language = 'de'): Plan {
  const owner: StoredUser = {
    id: newId(),
    firstName: 'Anna',
    lastName: 'Schmidt',
    email: 'anna.schmidt@example.com',
    language,
    admin: true,
    permissions: { telephony: true, fax: false },
    locationId: null,
    passwordHash: null,
    voicemail: { ...DEFAULT_VOICEMAIL },
  }
  const standard: StoredUser = {
    ...owner,
    id: newId(),
    firstName: 'Ben',
    lastName: 'Ott',
    email: 'ben.ott@example.com',
    admin: false,
    // Own objects, not the owner's: changing one user's permissions must not change the other's.
    permissions: { ...owner.permissions },
    voicemail: { ...DEFAULT_VOICEMAIL },
  }
  const numbers: Plan['numbers'] = Array.from({ length: 10 }, (_, digit) => ({
    number: `+492115558${digit}`,
    assignedTo: null,
  }))
  numbers[0]!.assignedTo = { kind: 'user', id: owner.id }
  numbers[1]!.assignedTo = { kind: 'user', id: standard.id }
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    account: { name: defaultNames[language].account, country: 'DE', currency: 'EUR', extraDevicePrice: 4.95 },
    users: [owner, standard],
    numbers,
    extensions: [
      { extension: '10', owner: { kind: 'user', id: owner.id } },
      { extension: '11', owner: { kind: 'user', id: standard.id } },
    ],
    devices: [appDevice(owner.id, language), appDevice(standard.id, language)],
    faxLines: [],
    locations: [],
    history: [],
  }
}

export { languages, permissionsSchema, LIMITS_MODEL }
