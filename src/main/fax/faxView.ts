import type { FaxLine, FaxLineView } from '../../shared/domain'
import { toPhoneNumber } from '../numbers/numberView'
import { planIndex, targetKey } from '../planIndex'
import type { Plan } from '../store/planFile'

/** One fax line as the renderer shows it. `plan` must be a confirmed state (see planIndex). */
export function faxLineView(plan: Plan, line: FaxLine): FaxLineView {
  const index = planIndex(plan)
  const key = targetKey({ kind: 'fax', id: line.id })
  const number = index.numbersOf.get(key)?.[0]
  return {
    ...line,
    number: number === undefined ? null : toPhoneNumber(plan, number),
    extensions: [...(index.extensionsOf.get(key) ?? [])],
  }
}

/** The fax lines of one user, in plan order. `plan` must be a confirmed state (see planIndex). */
export function faxLineViews(plan: Plan, userId: string): FaxLineView[] {
  return (planIndex(plan).faxLinesOf.get(userId) ?? []).map((line) => faxLineView(plan, line))
}
