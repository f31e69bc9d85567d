import type { Language } from '../shared/domain'
import { planIndex } from './planIndex'
import type { Plan, StoredUser } from './store/planFile'
import { SCRYPT_PARAMS } from './users/passwords'
import type { ScryptParams } from './users/passwords'

export interface SessionOptions {
  /** How a refusal of a wrong password waits; tests pass a recorder instead of a real timer. */
  sleep?: (ms: number) => Promise<void>
  /** scrypt parameters for new password hashes; only tests lower them. */
  passwordParams?: ScryptParams
}

/** Wrong passwords are answered slowly: 0.5 s, 1 s, 2 s, then 4 s for every further one in a row. */
export const FAILURE_DELAY = { firstMs: 500, maxMs: 4000 } as const
export const failureDelayMs = (failuresInARow: number): number =>
  Math.min(FAILURE_DELAY.maxMs, FAILURE_DELAY.firstMs * 2 ** Math.max(0, failuresInARow - 1))

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Who the app acts as, and in which language main speaks. Lives in memory for the running app;
 * the default is the first admin of the plan. Rights always follow the acting user as it is in
 * the current plan state (an admin that gives up its admin flag acts as a non-admin at once).
 */
export class Session {
  language: Language
  readonly passwordParams: ScryptParams
  private actingUserId: string | null = null
  private failuresInARow = 0
  private readonly sleep: (ms: number) => Promise<void>

  constructor(language: Language, options: SessionOptions = {}) {
    this.language = language
    this.sleep = options.sleep ?? realSleep
    this.passwordParams = options.passwordParams ?? SCRYPT_PARAMS
  }

  actingUser(plan: Plan): StoredUser {
    if (this.actingUserId !== null) {
      const current = planIndex(plan).userById.get(this.actingUserId)
      if (current) return current
    }
    const fallback = plan.users.find((user) => user.admin) ?? plan.users[0]
    if (!fallback) throw new Error('The plan has no users')
    this.actingUserId = fallback.id
    return fallback
  }

  /** Acts as `userId` from now on; the caller has checked the password. */
  actAs(userId: string): void {
    this.actingUserId = userId
  }

  /** Waits before a wrong (or missing) password is refused; each failure in a row waits longer. */
  async refuseSlowly(): Promise<void> {
    this.failuresInARow += 1
    await this.sleep(failureDelayMs(this.failuresInARow))
  }

  /** A correct password ends the run of failures. */
  passwordAccepted(): void {
    this.failuresInARow = 0
  }
}
