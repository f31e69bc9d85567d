import type { NamedTarget, NumberPage, PhoneNumber, Target } from '../../shared/domain'
import type { ParsedInput } from '../../shared/contract'
import { fail, ok } from '../../shared/result'
import type { Result } from '../../shared/result'
import { fullName, requireAdmin } from '../rights'
import type { Actor } from '../rights'
import type { Plan, StoredNumber } from '../store/planFile'
import { namedTarget } from './numberView'
import { firstFew, phoneProblemMessage, t } from './numbersMessages'
import { formsOf, parseTypedNumber, poolKeyOf } from './typedNumber'
import type { TypedNumber } from './typedNumber'

/*
 * The numbers pool (DOMAIN.md "Phone numbers"). The write functions run on a draft inside
 * `store.update`: they scan the draft (never planIndex), and change it only when they return ok.
 * `listNumbers` reads a confirmed plan through per-state caches.
 */

type Failure = { ok: false; error: ReturnType<typeof fail>['error'] }

const shown = (e164: string): string => formsOf(e164).international

// ── Draft helpers (write paths) ──────────────────────────────────────────────────────────────────

/** The name a person reads for a target of the draft, or null when the target does not exist. */
export function draftTargetName(draft: Plan, target: Target): string | null {
  if (target.kind === 'user') {
    const user = draft.users.find((candidate) => candidate.id === target.id)
    return user ? fullName(user) : null
  }
  const line = draft.faxLines.find((candidate) => candidate.id === target.id)
  return line ? line.alias : null
}

function draftNamed(draft: Plan, target: Target): NamedTarget {
  return { ...target, name: draftTargetName(draft, target) ?? target.id }
}

/** A pool entry as the renderer shows it, built from the draft (no index on drafts). */
function draftView(draft: Plan, entry: StoredNumber): PhoneNumber {
  const { national, international } = formsOf(entry.number)
  return {
    number: entry.number,
    national,
    international,
    assignedTo: entry.assignedTo ? draftNamed(draft, entry.assignedTo) : null,
  }
}

const sameTarget = (a: Target | null, b: Target): boolean => a !== null && a.kind === b.kind && a.id === b.id

function numberProblem(
  actor: Actor,
  parsed: TypedNumber & { ok: false },
  typed: string,
  field: string,
): Failure {
  return fail('validation', phoneProblemMessage(actor.language, parsed.problem, typed, parsed.country), field)
}

/** The pool entry for a typed number, or the failure to return. */
function poolEntry(draft: Plan, actor: Actor, typed: string): { ok: true; entry: StoredNumber } | Failure {
  const key = poolKeyOf(typed, draft.account.country, (e164) =>
    draft.numbers.some((entry) => entry.number === e164),
  )
  if (!key.ok) return numberProblem(actor, key, typed, 'number')
  const entry = draft.numbers.find((candidate) => candidate.number === key.e164)
  if (!entry)
    return fail('not_found', t(actor.language, 'number.notInPool', { number: shown(key.e164) }), 'number')
  return { ok: true, entry }
}

// ── Writes ───────────────────────────────────────────────────────────────────────────────────────

/** Adds one number, typed as a person types it, to the pool (admin only). */
export function addNumber(draft: Plan, actor: Actor, input: ParsedInput<'numbers:add'>): Result<PhoneNumber> {
  const refused = requireAdmin(actor)
  if (refused) return refused
  const parsed = parseTypedNumber(input.number, draft.account.country)
  if (!parsed.ok) return numberProblem(actor, parsed, input.number, 'number')
  if (draft.numbers.some((entry) => entry.number === parsed.e164)) {
    return fail('conflict', t(actor.language, 'number.inPool', { number: shown(parsed.e164) }), 'number')
  }
  const entry: StoredNumber = { number: parsed.e164, assignedTo: null }
  draft.numbers.push(entry)
  return ok(draftView(draft, entry))
}

/**
 * The numbers of a block: the base as a number plus 0 … count−1 (`…80` and 10 give `…80` … `…89`,
 * `…58` and 5 give `…58` … `…62`). A block keeps the length of its base: one that would carry
 * into a further digit (`…98` and 5) is refused, as is a block with any number that is not valid.
 */
export function blockNumbers(
  base: string,
  count: number,
): { ok: true; numbers: string[] } | { ok: false; last: string } {
  const digits = base.slice(1)
  const start = BigInt(digits)
  const last = (start + BigInt(count - 1)).toString()
  if (last.length !== digits.length) return { ok: false, last: `+${last}` }
  const numbers: string[] = []
  for (let step = 0; step < count; step++) numbers.push(`+${(start + BigInt(step)).toString()}`)
  return { ok: true, numbers }
}

/** Adds a block of numbers (admin only): all of them, or none when any is invalid or in the pool. */
export function addNumberBlock(
  draft: Plan,
  actor: Actor,
  input: ParsedInput<'numbers:addBlock'>,
): Result<PhoneNumber[]> {
  const refused = requireAdmin(actor)
  if (refused) return refused
  const country = draft.account.country
  const parsed = parseTypedNumber(input.base, country)
  if (!parsed.ok) return numberProblem(actor, parsed, input.base, 'base')
  const block = blockNumbers(parsed.e164, input.count)
  if (!block.ok) {
    return fail(
      'validation',
      t(actor.language, 'block.lengthChanges', {
        count: input.count,
        base: shown(parsed.e164),
        last: block.last,
      }),
      'count',
    )
  }
  for (const number of block.numbers) {
    const member = parseTypedNumber(number, country)
    if (!member.ok || member.e164 !== number) {
      return fail('validation', t(actor.language, 'block.invalidMember', { number }), 'count')
    }
  }
  const pool = new Set(draft.numbers.map((entry) => entry.number))
  const taken = block.numbers.filter((number) => pool.has(number))
  if (taken.length > 0) {
    const numbers = firstFew(actor.language, taken.map(shown))
    return fail(
      'conflict',
      taken.length === 1
        ? t(actor.language, 'block.inPoolOne', { numbers })
        : t(actor.language, 'block.inPool', { count: taken.length, numbers }),
      'base',
    )
  }
  const added = block.numbers.map((number): StoredNumber => ({ number, assignedTo: null }))
  draft.numbers.push(...added)
  return ok(added.map((entry) => draftView(draft, entry)))
}

/**
 * Assigns a pool number to a user (voice) or a fax line. A number has at most one target and a
 * fax line at most one number; assigning to the target that has it already changes nothing. A
 * non-admin may assign only free numbers, and only to itself.
 */
export function assignNumber(
  draft: Plan,
  actor: Actor,
  input: ParsedInput<'numbers:assign'>,
): Result<PhoneNumber> {
  const { target } = input
  const admin = actor.user.admin
  if (!admin && !(target.kind === 'user' && target.id === actor.user.id)) {
    return fail('forbidden', t(actor.language, 'assign.selfOnly', { actor: fullName(actor.user) }), 'target')
  }
  const found = poolEntry(draft, actor, input.number)
  if (!found.ok) return found
  const { entry } = found
  const targetName = draftTargetName(draft, target)
  if (targetName === null) {
    return fail(
      'not_found',
      t(actor.language, target.kind === 'user' ? 'target.userNotFound' : 'target.faxNotFound'),
      'target',
    )
  }
  if (sameTarget(entry.assignedTo, target)) return ok(draftView(draft, entry))
  if (entry.assignedTo) {
    const holder = draftTargetName(draft, entry.assignedTo) ?? entry.assignedTo.id
    return admin
      ? fail(
          'conflict',
          t(actor.language, 'assign.taken', { number: shown(entry.number), name: holder }),
          'number',
        )
      : fail(
          'forbidden',
          t(actor.language, 'assign.notFree', {
            number: shown(entry.number),
            name: holder,
            actor: fullName(actor.user),
          }),
          'number',
        )
  }
  if (target.kind === 'fax') {
    const current = draft.numbers.find((other) => sameTarget(other.assignedTo, target))
    if (current) {
      return fail(
        'conflict',
        t(actor.language, 'assign.faxHasNumber', { name: targetName, number: shown(current.number) }),
        'target',
      )
    }
  }
  entry.assignedTo = { ...target }
  return ok(draftView(draft, entry))
}

/** Releases a number to the pool: an admin any, a non-admin only its own. A free number stays free. */
export function unassignNumber(
  draft: Plan,
  actor: Actor,
  input: ParsedInput<'numbers:unassign'>,
): Result<PhoneNumber> {
  const found = poolEntry(draft, actor, input.number)
  if (!found.ok) return found
  const { entry } = found
  if (entry.assignedTo === null) return ok(draftView(draft, entry))
  if (!actor.user.admin && !sameTarget(entry.assignedTo, { kind: 'user', id: actor.user.id })) {
    return fail(
      'forbidden',
      t(actor.language, 'unassign.notOwn', { number: shown(entry.number), actor: fullName(actor.user) }),
      'number',
    )
  }
  entry.assignedTo = null
  return ok(draftView(draft, entry))
}

/** Removes a number from the pool (admin only); an assigned one only with `confirm`. */
export function removeNumber(
  draft: Plan,
  actor: Actor,
  input: ParsedInput<'numbers:remove'>,
): Result<{ number: string }> {
  const refused = requireAdmin(actor)
  if (refused) return refused
  const found = poolEntry(draft, actor, input.number)
  if (!found.ok) return found
  const { entry } = found
  if (entry.assignedTo && !input.confirm) {
    const name = draftTargetName(draft, entry.assignedTo) ?? entry.assignedTo.id
    return fail(
      'conflict',
      t(actor.language, 'remove.assigned', { number: shown(entry.number), name }),
      'number',
    )
  }
  draft.numbers.splice(draft.numbers.indexOf(entry), 1)
  return ok({ number: entry.number })
}

// ── List (read path) ─────────────────────────────────────────────────────────────────────────────

type Filter = ParsedInput<'numbers:list'>['filter']

interface NumbersIndex {
  /** Positions into plan.numbers per filter, ordered by number. */
  orders: Partial<Record<Filter, readonly number[]>>
  /** Per position: E.164 digits and national digits (`4921155580 021155580`). */
  digits: string[] | null
  /** Per position: the assignee's name, lower case ('' when free). */
  names: string[] | null
  /** The last search's matches (in list order), reused for paging and narrowed while typing. */
  lastSearch: {
    filter: Filter
    search: string
    needles: readonly Needle[]
    matches: readonly number[]
  } | null
}

/** One condition of a search: the number's digits or the assignee's name contain `text`. */
interface Needle {
  kind: 'digits' | 'name'
  text: string
}

/**
 * Orders, search text and the last search, once per plan state (the store replaces the plan object
 * on every change): paging and typing cost a pass over the pool's prepared strings at most, never
 * a scan of the users (names come from planIndex).
 */
const indexes = new WeakMap<Plan, NumbersIndex>()

function indexOf(plan: Plan): NumbersIndex {
  let index = indexes.get(plan)
  if (!index) {
    index = { orders: {}, digits: null, names: null, lastSearch: null }
    indexes.set(plan, index)
  }
  return index
}

/** By E.164 text: numbers of one country and area stay together, blocks in their order. */
function orderOf(plan: Plan, filter: Filter): readonly number[] {
  const index = indexOf(plan)
  let order = index.orders[filter]
  if (!order) {
    const numbers = plan.numbers
    if (filter === 'all') {
      const positions = numbers.map((_entry, position) => position)
      let sorted = true
      for (let position = 1; position < numbers.length && sorted; position++) {
        if (numbers[position - 1]!.number > numbers[position]!.number) sorted = false
      }
      order = sorted
        ? positions
        : positions.sort((a, b) => (numbers[a]!.number < numbers[b]!.number ? -1 : 1))
    } else {
      const assigned = filter === 'assigned'
      order = orderOf(plan, 'all').filter((position) => (numbers[position]!.assignedTo !== null) === assigned)
    }
    index.orders[filter] = order
  }
  return order
}

/** Typed like a number: digits with the characters people write in numbers, nothing else. */
const numberLike = /^\+?[\d\s\-()/.]+$/

/** The digits a number search looks for (`0049 211` → `49211`, `(0211) 5558` → `02115558`). */
function searchDigits(text: string): string {
  const digits = text.replace(/\D/g, '')
  return text.trim().startsWith('00') ? digits.replace(/^00/, '') : digits
}

/**
 * A search typed like a number is one number, spaces and all; otherwise each word must match the
 * number (words typed like numbers) or the assignee's name.
 */
function needlesOf(search: string): Needle[] {
  if (numberLike.test(search)) return [{ kind: 'digits', text: searchDigits(search) }]
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) =>
      numberLike.test(word) ? { kind: 'digits', text: searchDigits(word) } : { kind: 'name', text: word },
    )
}

/**
 * Every needle of `before` is inside a needle of the same kind of `after`: whatever matches
 * `after` matched `before`, so `after` only needs to look at `before`'s matches.
 */
const narrows = (before: readonly Needle[], after: readonly Needle[]): boolean =>
  before.every((old) => after.some((needle) => needle.kind === old.kind && needle.text.includes(old.text)))

function matchesOf(plan: Plan, filter: Filter, search: string): readonly number[] {
  const index = indexOf(plan)
  const last = index.lastSearch
  if (last && last.filter === filter && last.search === search) return last.matches
  if (!index.digits || !index.names) {
    index.digits = plan.numbers.map((entry) => {
      const { nationalDigits } = formsOf(entry.number)
      return `${entry.number.slice(1)} ${nationalDigits}`
    })
    index.names = plan.numbers.map((entry) =>
      entry.assignedTo ? namedTarget(plan, entry.assignedTo).name.toLowerCase() : '',
    )
  }
  const digits = index.digits
  const names = index.names
  const needles = needlesOf(search)
  const tests = needles.map(({ kind, text }) =>
    kind === 'digits'
      ? (position: number) => digits[position]!.includes(text)
      : (position: number) => names[position]!.includes(text),
  )
  // While typing, each key extends the search: only the previous matches can still match (they
  // are in list order already, a subsequence of the filter's order).
  const candidates =
    last && last.filter === filter && narrows(last.needles, needles) ? last.matches : orderOf(plan, filter)
  const matches = candidates.filter((position) => tests.every((test) => test(position)))
  index.lastSearch = { filter, search, needles, matches }
  return matches
}

/** A pool number of a confirmed plan as the renderer shows it (names through planIndex). */
function viewOf(plan: Plan, entry: StoredNumber): PhoneNumber {
  const { national, international } = formsOf(entry.number)
  return {
    number: entry.number,
    national,
    international,
    assignedTo: entry.assignedTo ? namedTarget(plan, entry.assignedTo) : null,
  }
}

/**
 * One page of the pool, ordered by number: all, free or assigned numbers, optionally searched by
 * digits in any format (E.164 or national) or by the assignee's name.
 */
export function listNumbers(plan: Plan, query: ParsedInput<'numbers:list'>): NumberPage {
  const search = query.search.trim()
  const positions = search === '' ? orderOf(plan, query.filter) : matchesOf(plan, query.filter, search)
  const items: PhoneNumber[] = []
  const end = Math.min(query.offset + query.limit, positions.length)
  for (let rank = query.offset; rank < end; rank++) items.push(viewOf(plan, plan.numbers[positions[rank]!]!))
  return { total: positions.length, offset: query.offset, items }
}
