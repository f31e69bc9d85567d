import { LIMITS_MODEL } from '../../shared/domain'
import type { ExtensionCheck, Language, Target } from '../../shared/domain'
import type { ParsedInput } from '../../shared/contract'
import { fail, ok } from '../../shared/result'
import type { Result } from '../../shared/result'
import { draftTargetName } from '../numbers/numbersService'
import { namedTarget } from '../numbers/numberView'
import { planIndex } from '../planIndex'
import { fullName } from '../rights'
import type { Actor } from '../rights'
import type { Plan } from '../store/planFile'
import { extensionRuleBroken, suggestExtensions } from './extensionRules'
import { ruleMessage, t } from './extensionsMessages'

/*
 * Extensions (DOMAIN.md "Extensions"): 2–4 digits, unique across users and fax lines, none of the
 * blocked ranges. `checkExtension` answers per keystroke from planIndex; add and remove run on a
 * draft inside `store.update`, scan the draft, and change it only when they return ok.
 */

type Failure = { ok: false; error: ReturnType<typeof fail>['error'] }

const sameTarget = (a: Target, b: Target): boolean => a.kind === b.kind && a.id === b.id

/**
 * Whether an extension can be used, and the next free ones. Cost: two Map lookups and the
 * suggestions (proportional to what they skip), whatever the plan's size.
 */
export function checkExtension(plan: Plan, language: Language, typed: string): ExtensionCheck {
  const extension = typed.trim()
  const taken = planIndex(plan).extensionOwner
  const suggestions = suggestExtensions(taken, /^\d+$/.test(extension) ? extension : null)
  const rule = extensionRuleBroken(extension)
  if (rule !== null) {
    return {
      extension,
      status: rule === 'digits' ? 'invalid' : 'blocked',
      message: ruleMessage(language, rule, extension),
      owner: null,
      suggestions,
    }
  }
  const owner = taken.get(extension)
  if (owner) {
    const named = namedTarget(plan, owner)
    return {
      extension,
      status: 'taken',
      message: t(language, 'extension.taken', { value: extension, name: named.name }),
      owner: named,
      suggestions,
    }
  }
  return { extension, status: 'free', message: null, owner: null, suggestions }
}

/**
 * Who may change an owner's extensions: an admin anyone's, a non-admin only its own (a fax line's
 * extensions are the admin's, like fax lines). Then the owner must exist.
 */
function ownerCheck(draft: Plan, actor: Actor, owner: Target): { ok: true; name: string } | Failure {
  if (!actor.user.admin && !(owner.kind === 'user' && owner.id === actor.user.id)) {
    return fail(
      'forbidden',
      t(actor.language, 'extension.selfOnly', { actor: fullName(actor.user) }),
      'owner',
    )
  }
  const name = draftTargetName(draft, owner)
  if (name === null) {
    return fail(
      'not_found',
      t(actor.language, owner.kind === 'user' ? 'owner.userNotFound' : 'owner.faxNotFound'),
      'owner',
    )
  }
  return { ok: true, name }
}

/**
 * Gives an owner (user or fax line) an extension. Adding one the owner has already changes
 * nothing; one somebody else has is a conflict naming them. At most 20 per owner.
 */
export function addExtension(
  draft: Plan,
  actor: Actor,
  input: ParsedInput<'extensions:add'>,
): Result<{ extension: string }> {
  const owner = ownerCheck(draft, actor, input.owner)
  if (!owner.ok) return owner
  const extension = input.extension.trim()
  const rule = extensionRuleBroken(extension)
  if (rule !== null) return fail('validation', ruleMessage(actor.language, rule, extension), 'extension')
  let owned = 0
  for (const entry of draft.extensions) {
    if (entry.extension === extension) {
      if (sameTarget(entry.owner, input.owner)) return ok({ extension })
      const name = draftTargetName(draft, entry.owner) ?? entry.owner.id
      return fail('conflict', t(actor.language, 'extension.taken', { value: extension, name }), 'extension')
    }
    if (sameTarget(entry.owner, input.owner)) owned++
  }
  if (owned >= LIMITS_MODEL.extensionsPerUser) {
    return fail(
      'validation',
      t(actor.language, 'extension.limit', { name: owner.name, max: LIMITS_MODEL.extensionsPerUser }),
      'extension',
    )
  }
  draft.extensions.push({ extension, owner: { ...input.owner } })
  return ok({ extension })
}

/** Takes an extension from its owner; it must be that owner's. */
export function removeExtension(
  draft: Plan,
  actor: Actor,
  input: ParsedInput<'extensions:remove'>,
): Result<{ extension: string }> {
  const owner = ownerCheck(draft, actor, input.owner)
  if (!owner.ok) return owner
  const extension = input.extension.trim()
  const position = draft.extensions.findIndex(
    (entry) => entry.extension === extension && sameTarget(entry.owner, input.owner),
  )
  if (position < 0) {
    const rule = extensionRuleBroken(extension)
    if (rule === 'digits')
      return fail('validation', ruleMessage(actor.language, rule, extension), 'extension')
    return fail(
      'not_found',
      t(actor.language, 'extension.notOwned', { value: extension, name: owner.name }),
      'extension',
    )
  }
  draft.extensions.splice(position, 1)
  return ok({ extension })
}
