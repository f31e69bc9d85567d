import type { HealthUser, PlanHealth } from '../../shared/health'
import { HEALTH_ITEMS } from '../../shared/health'
import type { UserListFilter } from '../../shared/domain'
import { planCost, userCost } from '../devices/cost'
import { formatPhone } from '../numbers/phone'
import { planIndex } from '../planIndex'
import { fullName } from '../rights'
import type { Plan, StoredUser } from '../store/planFile'
import { listUsers } from '../users/usersService'

const healthUser = (user: Pick<StoredUser, 'id' | 'firstName' | 'lastName' | 'email'>): HealthUser => ({
  id: user.id,
  name: fullName(user),
  email: user.email,
})

/** The users list's own filter (same rule, same cached order by name): its count and first page. */
function filtered(plan: Plan, filter: UserListFilter) {
  return listUsers(plan, {
    search: '',
    filters: [filter],
    sort: 'name',
    descending: false,
    offset: 0,
    limit: HEALTH_ITEMS,
  })
}

const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true })

/** Users whose devices cost extra: costliest first, then by name. One pass over the devices. */
function extraDevices(plan: Plan): PlanHealth['extraDevices'] {
  const index = planIndex(plan)
  const price = plan.account.extraDevicePrice
  const costly: (HealthUser & ReturnType<typeof userCost>)[] = []
  for (const [userId, devices] of index.devicesOf) {
    const cost = userCost(devices, price)
    const user = index.userById.get(userId)
    if (cost.extraDevices > 0 && user) costly.push({ ...healthUser(user), ...cost })
  }
  costly.sort((a, b) => b.extraDevices - a.extraDevices || collator.compare(a.name, b.name))
  const total = planCost(plan)
  return {
    total: costly.length,
    items: costly.slice(0, HEALTH_ITEMS),
    extraDevices: total.extraDevices,
    monthlyCost: total.monthlyCost,
    currency: total.currency,
    extraDevicePrice: total.extraDevicePrice,
  }
}

const healths = new WeakMap<Plan, PlanHealth>()

/**
 * The plan health: counts and the first items of each topic. Computed once per plan state from
 * the cached lookups the users list and the cost use (a few passes over the plan, never a pair of
 * nested ones), so it costs about the same per user however large the plan grows.
 */
export function planHealth(plan: Plan): PlanHealth {
  const cached = healths.get(plan)
  if (cached) return cached
  const incomplete = filtered(plan, 'routingIncomplete')
  const withoutLocation = filtered(plan, 'withoutLocation')
  const free = planIndex(plan).freeNumbers
  const health: PlanHealth = {
    users: plan.users.length,
    routingIncomplete: {
      total: incomplete.total,
      items: incomplete.items.map((row) => ({ ...healthUser(row), missing: row.missing })),
    },
    freeNumbers: {
      total: free.length,
      items: free.slice(0, HEALTH_ITEMS).map((number) => ({ number, ...formatPhone(number) })),
    },
    withoutLocation: {
      total: withoutLocation.total,
      items: withoutLocation.items.map(healthUser),
      locations: plan.locations.length,
    },
    extraDevices: extraDevices(plan),
  }
  healths.set(plan, health)
  return health
}
