import { readFile } from 'node:fs/promises'
import { expect, onTestFinished } from 'vitest'
import type { Language } from '../../shared/domain'
import type { AppError, Result } from '../../shared/result'
import type { HandlerContext } from '../handlers'
import type { Actor } from '../rights'
import { Session } from '../session'
import { planInvariantProblem } from '../store/planFile'
import type { Plan, StoredUser } from '../store/planFile'
import { PlanStore } from '../store/planStore'
import { tempPlanPath } from './generatePlan'

/*
 * The setup the main-process tests share: a real plan file in a temp folder with the default plan
 * (Anna, admin, and Ben, standard user), actors, results, the bytes on disk.
 */

/** A plan file path in a new temp folder, removed when the current test finishes (test or beforeEach). */
export async function tempPlanFile(prefix = 'switchboard-'): Promise<string> {
  const { file, remove } = await tempPlanPath(prefix)
  onTestFinished(remove)
  return file
}

/**
 * A PlanStore on a new temp file holding the default plan. The folder is removed when the current
 * test finishes; call it in a test or a beforeEach.
 */
export async function openTestPlan(prefix = 'switchboard-', language: Language = 'en'): Promise<PlanStore> {
  return PlanStore.open(await tempPlanFile(prefix), { language })
}

/** The plan file's bytes, to prove a refused call changed nothing. */
export const fileBytes = (store: PlanStore): Promise<Buffer> => readFile(store.file)

/** The plan file as saved. */
export const planOnDisk = async (store: PlanStore): Promise<Plan> =>
  JSON.parse(await readFile(store.file, 'utf8')) as Plan

export const actor = (user: StoredUser, language: Language = 'en'): Actor => ({ user, language })

export interface Actors {
  anna: StoredUser
  ben: StoredUser
  asAnna: Actor
  asBen: Actor
}

/** Anna (admin) and Ben (standard user) of a default plan, and actors for them. */
export function actors(plan: Plan, language: Language = 'en'): Actors {
  const [anna, ben] = plan.users as [StoredUser, StoredUser]
  return { anna, ben, asAnna: actor(anna, language), asBen: actor(ben, language) }
}

export function userNamed(plan: Plan, firstName: string): StoredUser {
  const user = plan.users.find((candidate) => candidate.firstName === firstName)
  if (!user) throw new Error(`no ${firstName}`)
  return user
}

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.data
}

/** The data of an untyped ok result (backend.call answers `Result<unknown>`), as `T`. */
export function expectData<T>(result: Result<unknown>): T {
  return expectOk(result) as T
}

export function expectError(result: Result<unknown>): AppError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`)
  return result.error
}

/** Every saved state passes the plan's invariants. */
export function expectInvariants(plan: Plan): void {
  expect(planInvariantProblem(plan)).toBeNull()
}

/** A handler context with a fresh session (which acts as the first admin). */
export const contextOf = (store: PlanStore): HandlerContext => ({ store, session: new Session('en') })

/** A session that always acts as one user. */
class ActingAs extends Session {
  constructor(private readonly userId: string) {
    super('en')
  }
  override actingUser(plan: Plan): StoredUser {
    return plan.users.find((user) => user.id === this.userId)!
  }
}

/** A handler context acting as `user`. */
export const actingAs = (store: PlanStore, user: StoredUser): HandlerContext => ({
  store,
  session: new ActingAs(user.id),
})
