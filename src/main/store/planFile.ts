import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { LIMITS, languages, permissionsSchema, userSchema } from '../../shared/domain'
import type { Language } from '../../shared/domain'

/** The plan as stored on disk (schema version 1). Main validates every file against it. */
export const CURRENT_SCHEMA_VERSION = 1

export const storedUserSchema = userSchema

export const planSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  account: z.strictObject({
    name: z.string().min(1).max(LIMITS.name),
    country: z.string().regex(/^[A-Z]{2}$/),
    currency: z.literal('EUR'),
    extraDevicePrice: z.number().min(0).max(1000),
  }),
  users: z.array(storedUserSchema),
})
export type Plan = z.infer<typeof planSchema>
export type StoredUser = Plan['users'][number]

/** Cross-record rules the schema alone cannot state. Returns a problem or null. */
export function planInvariantProblem(plan: Plan): string | null {
  const ids = new Set<string>()
  const emails = new Set<string>()
  for (const user of plan.users) {
    if (ids.has(user.id)) return `duplicate user id ${user.id}`
    ids.add(user.id)
    const email = user.email.toLowerCase()
    if (emails.has(email)) return `duplicate email ${user.email}`
    emails.add(email)
  }
  if (!plan.users.some((user) => user.admin)) return 'no admin'
  return null
}

export const newUserId = (): string => randomUUID()

const defaultNames: Record<Language, { account: string }> = {
  de: { account: 'Meine Firma' },
  en: { account: 'My company' },
}

/** Every new plan starts with two users: the account owner (admin, telephony) and a standard user. */
export function createDefaultPlan(language: Language = 'de'): Plan {
  const owner: StoredUser = {
    id: newUserId(),
    firstName: 'Anna',
    lastName: 'Schmidt',
    email: 'anna.schmidt@example.com',
    language,
    admin: true,
    permissions: { telephony: true, fax: false },
    locationId: null,
  }
  const standard: StoredUser = {
    id: newUserId(),
    firstName: 'Ben',
    lastName: 'Ott',
    email: 'ben.ott@example.com',
    language,
    admin: false,
    permissions: { telephony: true, fax: false },
    locationId: null,
  }
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    account: { name: defaultNames[language].account, country: 'DE', currency: 'EUR', extraDevicePrice: 4.95 },
    users: [owner, standard],
  }
}

export { languages, permissionsSchema }
