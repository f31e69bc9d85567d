import { z } from 'zod'
import type { ParsedInput } from '../../shared/contract'
import type { Language } from '../../shared/domain'
import { LIMITS } from '../../shared/domain'
import { fail, ok } from '../../shared/result'
import type { Result } from '../../shared/result'
import { normalizeCountry } from '../locations/locationsService'
import { message } from '../messages'
import { createDefaultPlan } from '../store/planFile'
import type { Plan } from '../store/planFile'
import { t as planT } from '../plan/planMessages'
import { t } from './workspaceMessages'

/** Longest file name (without `.json`) for a plan made or saved here. */
export const MAX_FILE_NAME = 80

const emailSchema = z.email()

/**
 * A file name for a plan in the plans folder: letters, digits, spaces, `-`, `_` and `.` inside;
 * no path, not hidden. `.json` is added when missing. Returns the name with `.json` or null.
 */
export function planFileName(typed: string): string | null {
  const name = typed.trim().replace(/\.json$/i, '')
  if (name === '' || name.length > MAX_FILE_NAME || name.startsWith('.')) return null
  if (!/^[\p{L}\p{N} _.-]+$/u.test(name)) return null
  return `${name}.json`
}

/** A file name made from an account name ("Office 2027" → "Office 2027.json"); `plan.json` when nothing is left. */
export function fileNameFor(accountName: string): string {
  const name = accountName
    .replace(/[^\p{L}\p{N} _-]+/gu, '-')
    .replace(/\s+/g, ' ')
    .replace(/-{2,}/g, '-')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
    .slice(0, MAX_FILE_NAME)
    .trim()
  return `${name === '' ? 'plan' : name}.json`
}

export type NewPlanInput = ParsedInput<'plans:create'>

/**
 * The new plan of the wizard: the shape of the default plan (the owner as admin with telephony,
 * a standard user, ten pool numbers, extensions 10 and 11, an app each), with the account name,
 * country and owner the person gave. Every value is checked; an error names its field.
 */
export function buildNewPlan(language: Language, input: NewPlanInput): Result<Plan> {
  const accountName = input.accountName.trim()
  if (accountName === '') return fail('validation', t(language, 'plans.accountNameRequired'), 'accountName')
  if (accountName.length > LIMITS.name)
    return fail(
      'validation',
      message(language, 'field.tooLong', { field: t(language, 'plans.accountName'), max: LIMITS.name }),
      'accountName',
    )
  const country = normalizeCountry(input.country)
  if (country === null) {
    return fail('validation', planT(language, 'settings.country', { value: input.country.trim() }), 'country')
  }
  const names = { ownerFirstName: 'plans.ownerFirstName', ownerLastName: 'plans.ownerLastName' } as const
  for (const field of ['ownerFirstName', 'ownerLastName'] as const) {
    if (input[field].trim() === '')
      return fail(
        'validation',
        t(language, 'plans.fieldRequired', { field: t(language, names[field]) }),
        field,
      )
  }
  const email = input.ownerEmail.trim()
  if (email === '')
    return fail(
      'validation',
      t(language, 'plans.fieldRequired', { field: t(language, 'plans.ownerEmail') }),
      'ownerEmail',
    )
  if (!emailSchema.safeParse(email).success)
    return fail('validation', t(language, 'plans.emailInvalid', { value: email }), 'ownerEmail')

  const plan = createDefaultPlan(language)
  const [owner, standard] = plan.users
  if (!owner || !standard) throw new Error('The default plan has an owner and a standard user')
  owner.firstName = input.ownerFirstName.trim()
  owner.lastName = input.ownerLastName.trim()
  owner.email = email
  // The standard user keeps its example address unless the owner took it.
  if (standard.email.toLowerCase() === email.toLowerCase()) standard.email = 'user2@example.com'
  plan.account = { ...plan.account, name: accountName, country }
  return ok(plan)
}
