import { produce } from 'immer'
import { describe, expect, it } from 'vitest'
import { planChangeSchema } from '../../shared/planChange'
import type { PlanChange } from '../../shared/planChange'
import { createDefaultPlan } from '../store/planFile'
import type { Plan } from '../store/planFile'
import { generatePlan } from '../testing/generatePlan'
import { describeChange, diffPlans } from './planDiff'

const plan = (): Plan => createDefaultPlan('en')
const userId = (state: Plan, first: string): string =>
  state.users.find((user) => user.firstName === first)!.id

function changesOf(before: Plan, recipe: (draft: Plan) => void): PlanChange[] {
  const after = produce(before, recipe)
  const changes = diffPlans(before, after)
  for (const change of changes) expect(planChangeSchema.safeParse(change).success).toBe(true)
  return changes
}

const texts = (changes: PlanChange[], language: 'en' | 'de' = 'en'): string[] =>
  changes.map((change) => describeChange(language, change))

describe('diffPlans', () => {
  it('finds nothing between a state and itself', () => {
    const state = plan()
    expect(diffPlans(state, state)).toEqual([])
    expect(diffPlans(state, structuredClone(state))).toEqual([])
  })

  it('names an added extension with its owner, in en and de', () => {
    const before = plan()
    const ben = userId(before, 'Ben')
    const changes = changesOf(before, (draft) => {
      draft.extensions.push({ extension: '23', owner: { kind: 'user', id: ben } })
    })
    expect(changes).toEqual([
      { kind: 'extensionAdded', extension: '23', owner: { kind: 'user', id: ben, name: 'Ben Ott' } },
    ])
    expect(texts(changes)).toEqual(['extension 23 added to Ben Ott'])
    expect(texts(changes, 'de')).toEqual(['Durchwahl 23 für Ben Ott hinzugefügt'])
  })

  it('tells user field changes apart and never shows password hashes', () => {
    const before = plan()
    const changes = changesOf(before, (draft) => {
      const ben = draft.users[1]!
      ben.firstName = 'Benjamin'
      ben.email = 'b@example.com'
      ben.language = 'de'
      ben.admin = true
      ben.permissions.fax = true
      ben.passwordHash = `scrypt$16384$8$1$${'a'.repeat(24)}$${'b'.repeat(44)}`
      ben.voicemail = { enabled: true, timeoutSeconds: 20 }
    })
    expect(changes.map((change) => change.kind)).toEqual([
      'userRenamed',
      'userField',
      'userField',
      'userAdmin',
      'userPermission',
      'userPassword',
      'voicemail',
    ])
    expect(JSON.stringify(changes)).not.toContain('scrypt')
    expect(texts(changes)).toEqual([
      'Ben Ott renamed to Benjamin Ott',
      'email address of Benjamin Ott changed from ben.ott@example.com to b@example.com',
      'language of Benjamin Ott changed to German',
      'Benjamin Ott made an admin',
      'fax permission given to Benjamin Ott',
      'password set for Benjamin Ott',
      'voicemail of Benjamin Ott on after 20 s',
    ])
  })

  it('follows numbers: assigned, moved, released, added, removed', () => {
    const before = plan()
    const anna = userId(before, 'Anna')
    const ben = userId(before, 'Ben')
    const changes = changesOf(before, (draft) => {
      draft.numbers[2]!.assignedTo = { kind: 'user', id: ben }
      draft.numbers[0]!.assignedTo = { kind: 'user', id: ben }
      draft.numbers[1]!.assignedTo = null
      draft.numbers.splice(9, 1)
      draft.numbers.push({ number: '+4930123456', assignedTo: { kind: 'user', id: anna } })
    })
    expect(texts(changes)).toEqual([
      'number +49 30 123456 added',
      'number +49 30 123456 assigned to Anna Schmidt',
      'number +49 211 55580 moved from Anna Schmidt to Ben Ott',
      'number +49 211 55581 of Ben Ott released',
      'number +49 211 55582 assigned to Ben Ott',
      'number +49 211 55589 removed',
    ])
  })

  it('reports a deleted user with what it released, names taken from before', () => {
    const before = plan()
    const ben = userId(before, 'Ben')
    const changes = changesOf(before, (draft) => {
      draft.users = draft.users.filter((user) => user.id !== ben)
      draft.devices = draft.devices.filter((device) => device.userId !== ben)
      draft.extensions = draft.extensions.filter((entry) => entry.owner.id !== ben)
      for (const entry of draft.numbers) if (entry.assignedTo?.id === ben) entry.assignedTo = null
    })
    expect(texts(changes)).toEqual([
      'number +49 211 55581 of Ben Ott released',
      'extension 11 of Ben Ott removed',
      'app “Softphone app” of Ben Ott removed',
      'user Ben Ott deleted',
    ])
  })

  it('covers devices, fax lines, locations and settings', () => {
    const before = produce(plan(), (draft) => {
      draft.users[1]!.permissions.fax = true
      draft.faxLines.push({
        id: 'fax1',
        userId: draft.users[1]!.id,
        alias: 'Office',
        send: true,
        receive: true,
      })
      draft.locations.push({
        id: 'loc1',
        name: 'HQ',
        street: 'Main',
        houseNumber: '1',
        postcode: '40212',
        city: 'Düsseldorf',
        country: 'DE',
      })
    })
    const ben = userId(before, 'Ben')
    const changes = changesOf(before, (draft) => {
      draft.account.extraDevicePrice = 5.5
      draft.locations[0]!.name = 'Head office'
      draft.locations[0]!.city = 'Köln'
      draft.users[1]!.locationId = 'loc1'
      draft.faxLines[0]!.alias = 'Sales'
      draft.faxLines[0]!.send = false
      draft.devices[1]!.name = 'Laptop'
      draft.devices[0]!.active = false
      draft.devices.push({
        id: 'd9',
        userId: ben,
        type: 'voip',
        name: 'Desk',
        model: null,
        mac: null,
        active: true,
      })
    })
    expect(texts(changes)).toEqual([
      'price of an extra device changed from €4.95 to €5.50 per month',
      'location HQ renamed to Head office',
      'address of location Head office changed',
      'Ben Ott assigned to location Head office',
      'fax line “Sales” of Ben Ott changed: renamed from “Office”, sending off',
      'VoIP phone “Desk” added for Ben Ott',
      'device “Softphone app” of Anna Schmidt switched off',
      'device “Softphone app” of Ben Ott renamed to “Laptop”',
    ])
    expect(texts(changes, 'de')[0]!.replace(/\u00a0/g, ' ')).toBe(
      'Preis eines zusätzlichen Geräts von 4,95 € auf 5,50 € pro Monat geändert',
    )
  })

  it('stays linear on a large plan where one user changed', () => {
    const before = generatePlan(20_000)
    const after = produce(before, (draft) => {
      draft.users[12_345]!.lastName = 'Changed'
    })
    const started = performance.now()
    const changes = diffPlans(before, after)
    expect(performance.now() - started).toBeLessThan(200)
    expect(changes).toHaveLength(1)
    expect(changes[0]!.kind).toBe('userRenamed')
  })
})
