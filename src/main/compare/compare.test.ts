import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { PlanComparison } from '../../shared/compare'
import { createBackend } from '../backend'
import type { Backend } from '../backend'
import type { Plan } from '../store/planFile'
import { generatePlan } from '../testing/generatePlan'
import { expectData, expectError, tempPlanFile } from '../testing/planFixture'
import { comparePlans } from './compareService'

let backend: Backend
let plansDir: string

beforeEach(async () => {
  const file = await tempPlanFile()
  backend = await createBackend(file, 'en')
  plansDir = path.join(path.dirname(file), 'plans')
  await mkdir(plansDir, { recursive: true })
})

/** The open plan as on disk, changed by `edit`, written as plans/<name>.json; its path. */
async function seedOther(name: string, edit: (plan: Plan) => void): Promise<string> {
  const plan = JSON.parse(await readFile(backend.store.file, 'utf8')) as Plan
  edit(plan)
  const file = path.join(plansDir, `${name}.json`)
  await writeFile(file, JSON.stringify(plan, null, 2))
  return file
}

const compare = async (file: string): Promise<PlanComparison> =>
  expectData<PlanComparison>(await backend.call('plans:compare', { path: file }))

describe('plans:compare', () => {
  it('lists users added, removed and changed (what changed), numbers moved and locations', async () => {
    const file = await seedOther('Next year', (plan) => {
      plan.account.name = 'Next year'
      const [anna, ben] = plan.users as [Plan['users'][number], Plan['users'][number]]
      ben.email = 'ben.ott@new.example.com'
      ben.admin = true
      plan.users.push({
        ...ben,
        id: 'carla',
        firstName: 'Carla',
        lastName: 'Neumann',
        email: 'carla@example.com',
        permissions: { telephony: false, fax: false },
      })
      plan.locations.push({
        id: 'hq',
        name: 'Head office',
        street: '',
        houseNumber: '',
        postcode: '40212',
        city: 'Düsseldorf',
        country: 'DE',
      })
      // Ben's number goes to Carla.
      const bens = plan.numbers.find((entry) => entry.assignedTo?.id === ben.id)!
      bens.assignedTo = { kind: 'user', id: 'carla' }
      void anna
    })
    const result = await compare(file)
    expect(result.current).toEqual({ fileName: 'plan', accountName: 'My company' })
    expect(result.other).toEqual({ fileName: 'Next year', accountName: 'Next year', path: file })
    expect(result.same).toBe(false)
    expect(result.added).toEqual({
      total: 1,
      items: [{ id: 'carla', name: 'Carla Neumann', email: 'carla@example.com' }],
    })
    expect(result.removed).toEqual({ total: 0, items: [] })
    expect(result.changed.total).toBe(1)
    expect(result.changed.items[0]).toMatchObject({ name: 'Ben Ott', total: 2 })
    expect(result.changed.items[0]!.changes).toEqual([
      'Email address of Ben Ott changed from ben.ott@example.com to ben.ott@new.example.com',
      'Ben Ott made an admin',
    ])
    expect(result.numbers).toEqual({
      total: 1,
      items: ['Number +49 211 55581 moved from Ben Ott to Carla Neumann'],
    })
    expect(result.locations.items).toEqual(['Location Head office added'])
    expect(result.otherChanges.items).toEqual(['Account name changed from My company to Next year'])
  })

  it('matches users of a plan made separately by email (and their devices by type and name)', async () => {
    const file = await seedOther('Separate', (plan) => {
      const ids = new Map(plan.users.map((user, index) => [user.id, `other-${index}`]))
      for (const user of plan.users) user.id = ids.get(user.id)!
      for (const device of plan.devices) {
        device.id = `other-device-${device.id}`
        device.userId = ids.get(device.userId)!
      }
      for (const entry of plan.numbers)
        if (entry.assignedTo?.kind === 'user')
          entry.assignedTo = { kind: 'user', id: ids.get(entry.assignedTo.id)! }
      for (const entry of plan.extensions)
        if (entry.owner.kind === 'user') entry.owner = { kind: 'user', id: ids.get(entry.owner.id)! }
      plan.users[1]!.email = plan.users[1]!.email.toUpperCase()
      plan.users[1]!.lastName = 'Ott-Berg'
    })
    const result = await compare(file)
    expect(result.added.total).toBe(0)
    expect(result.removed.total).toBe(0)
    expect(result.numbers.total).toBe(0)
    expect(result.changed.items.map((user) => user.changes)).toEqual([
      [
        'Ben Ott renamed to Ben Ott-Berg',
        'Email address of Ben Ott-Berg changed from ben.ott@example.com to BEN.OTT@EXAMPLE.COM',
      ],
    ])
  })

  it('the same plan: no differences; the other file is only read (no lock, unchanged)', async () => {
    const file = await seedOther('Copy', () => {})
    const before = await readFile(file, 'utf8')
    const result = await compare(file)
    expect(result.same).toBe(true)
    expect(await readFile(file, 'utf8')).toBe(before)
    expect((await readdir(plansDir)).sort()).toEqual(['Copy.json'])
  })

  it('refuses a path that is not a known plan, a file that is not a plan, and non-admins', async () => {
    expect(expectError(await backend.call('plans:compare', { path: '/etc/passwd' }))).toMatchObject({
      code: 'not_found',
      field: 'path',
    })
    const broken = path.join(plansDir, 'Broken.json')
    await writeFile(broken, '{"not": "a plan"}')
    const error = expectError(await backend.call('plans:compare', { path: broken }))
    expect(error).toMatchObject({ code: 'validation', field: 'path' })
    expect(error.message).toContain('Broken.json is not a Switchboard plan')
    expect(await readFile(broken, 'utf8')).toBe('{"not": "a plan"}')

    const file = await seedOther('Copy', () => {})
    backend.session.actAs(backend.store.plan.users[1]!.id)
    const refused = expectError(await backend.call('plans:compare', { path: file }))
    expect(refused.code).toBe('forbidden')
  })

  it('without a path and without a native dialog (the bridge): nothing compared', async () => {
    expect(expectData(await backend.call('plans:compare', {}))).toBeNull()
  })
})

describe('comparePlans on large plans', () => {
  it('two separately made plans of 10,000 users: matched by email, sections capped, in well under a few seconds', () => {
    const current = generatePlan(10_000, { seed: 1 })
    const other = generatePlan(10_000, { seed: 1, idPrefix: 'o-' })
    other.users = other.users.slice(0, 9_000)
    const started = performance.now()
    const result = comparePlans('en', current, other, {
      current: { fileName: 'a', accountName: 'A' },
      other: { fileName: 'b', accountName: 'B', path: '/b.json' },
    })
    expect(performance.now() - started).toBeLessThan(5000)
    expect(result.removed.total).toBe(1000)
    expect(result.removed.items).toHaveLength(100)
    expect(result.added.total).toBe(0)
  })
})
