import type { NamedTarget, PhoneNumber, Target } from '../../shared/domain'
import { planIndex } from '../planIndex'
import { fullName } from '../rights'
import type { Plan } from '../store/planFile'
import { formatPhone } from './phone'

/** The name a person reads for a target: the user's full name, or the fax line's alias. */
export function namedTarget(plan: Plan, target: Target): NamedTarget {
  const index = planIndex(plan)
  if (target.kind === 'user') {
    const user = index.userById.get(target.id)
    return { ...target, name: user ? fullName(user) : target.id }
  }
  const line = index.faxLineById.get(target.id)
  return { ...target, name: line ? line.alias : target.id }
}

/** A pool number as the renderer shows it. `plan` must be a confirmed state (see planIndex). */
export function toPhoneNumber(plan: Plan, number: string): PhoneNumber {
  const index = planIndex(plan)
  const position = index.numberPosition.get(number)
  const entry = position === undefined ? undefined : plan.numbers[position]
  return {
    number,
    ...formatPhone(number),
    assignedTo: entry?.assignedTo ? namedTarget(plan, entry.assignedTo) : null,
  }
}
