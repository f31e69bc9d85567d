import type { Language } from '../shared/domain'
import type { Plan, StoredUser } from './store/planFile'

/**
 * Who the app acts as, and in which language main speaks. Lives in memory for the running app;
 * the default is the first admin of the plan.
 */
export class Session {
  language: Language
  private actingUserId: string | null = null

  constructor(language: Language) {
    this.language = language
  }

  actingUser(plan: Plan): StoredUser {
    const current = plan.users.find((user) => user.id === this.actingUserId)
    if (current) return current
    const fallback = plan.users.find((user) => user.admin) ?? plan.users[0]
    if (!fallback) throw new Error('The plan has no users')
    this.actingUserId = fallback.id
    return fallback
  }
}
