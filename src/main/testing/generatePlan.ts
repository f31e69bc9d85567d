import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { CURRENT_SCHEMA_VERSION } from '../store/planFile'
import type { Plan, StoredUser } from '../store/planFile'

/**
 * Deterministic plans of any size for tests and benchmarks. The plan is a valid version-1 plan
 * (unique ids and emails, at least one admin); it is written as the store writes it, and the
 * store opens it with `PlanStore.open` like any plan a person saved.
 */

const firstNames =
  'Anna Ben Clara David Emma Felix Greta Hannah Ilse Jonas Karl Lena Max Nina Oskar Paula Quentin Rita Sven Tina Uwe Vera Willi Yusuf Zoë Jörg Ünal Ömer Ägidius Johann'.split(
    ' ',
  )
const lastNames =
  'Schmidt Ott Müller Meyer Schulz Becker Hoffmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Özdemir Werner Krause Lehmann Köhler Maier'.split(
    ' ',
  )

/** A small linear congruential generator: the same seed gives the same plan. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0
    return state / 2 ** 32
  }
}

const asciiFold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()

export interface GeneratePlanOptions {
  seed?: number
  /** Every n-th user is an admin (the first user always is). */
  adminEvery?: number
  /** Start of every user id; plans with different prefixes share no ids. */
  idPrefix?: string
}

export function generatePlan(userCount: number, options: GeneratePlanOptions = {}): Plan {
  const next = random(options.seed ?? 42)
  const adminEvery = options.adminEvery ?? 50
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
  const users: StoredUser[] = []
  for (let i = 0; i < userCount; i += 1) {
    const firstName = pick(firstNames)
    const lastName = pick(lastNames)
    users.push({
      id: `${options.idPrefix ?? 'user-'}${String(i).padStart(7, '0')}`,
      firstName,
      lastName,
      email: `${asciiFold(firstName)}.${asciiFold(lastName)}.${i}@example.com`,
      language: next() < 0.8 ? 'de' : 'en',
      admin: i === 0 || i % adminEvery === 0,
      permissions: { telephony: next() < 0.7, fax: next() < 0.2 },
      locationId: null,
    })
  }
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    account: { name: 'Benchmark GmbH', country: 'DE', currency: 'EUR', extraDevicePrice: 4.95 },
    users,
  }
}

/** Writes `plan` the way the store serializes it. */
export async function writePlanFile(file: string, plan: Plan): Promise<void> {
  await writeFile(file, `${JSON.stringify(plan, null, 2)}\n`, 'utf8')
}

/** A fresh temp folder with the path of a plan file in it (the file itself is not created). */
export async function tempPlanPath(prefix = 'switchboard-'): Promise<{
  dir: string
  file: string
  remove: () => Promise<void>
}> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix))
  return { dir, file: path.join(dir, 'plan.json'), remove: () => rm(dir, { recursive: true, force: true }) }
}
