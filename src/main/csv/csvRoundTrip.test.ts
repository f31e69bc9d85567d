import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createBackendWith } from '../backend'
import type { Backend } from '../backend'
import { Session } from '../session'
import { generatePlan, tempPlanPath, writePlanFile } from '../testing/generatePlan'
import { expectData, expectError, fileBytes } from '../testing/planFixture'
import { DEFAULT_VOICEMAIL } from '../store/planFile'
import type { Plan } from '../store/planFile'
import { PlanStore } from '../store/planStore'
import { exportCsv } from './csvExport'
import { review, upload } from './csvTestkit'

/** What "the same users" means: everything a row carries, keyed by email. */
function usersOf(plan: Plan, skip: string): Map<string, unknown> {
  const locationName = new Map(plan.locations.map((location) => [location.id, location.name]))
  return new Map(
    plan.users
      .filter((user) => user.email !== skip)
      .map((user) => [
        user.email.toLowerCase(),
        {
          firstName: user.firstName,
          lastName: user.lastName,
          email: user.email,
          language: user.language,
          admin: user.admin,
          permissions: user.permissions,
          location: user.locationId === null ? null : locationName.get(user.locationId),
          extensions: plan.extensions
            .filter((entry) => entry.owner.kind === 'user' && entry.owner.id === user.id)
            .map((entry) => entry.extension)
            .sort(),
          numbers: plan.numbers
            .filter((entry) => entry.assignedTo?.kind === 'user' && entry.assignedTo.id === user.id)
            .map((entry) => entry.number)
            .sort(),
        },
      ]),
  )
}

const IMPORTER = 'importer@example.org'

/** A plan with one admin (the importer), the source's locations, and no numbers or extensions. */
async function emptyPlanLike(source: Plan): Promise<{ backend: Backend; remove: () => Promise<void> }> {
  const { file, remove } = await tempPlanPath('switchboard-roundtrip-')
  const empty: Plan = {
    ...source,
    users: [
      {
        id: 'importer',
        firstName: 'Ida',
        lastName: 'Importer',
        email: IMPORTER,
        language: 'en',
        admin: true,
        permissions: { telephony: false, fax: false },
        locationId: null,
        passwordHash: null,
        voicemail: { ...DEFAULT_VOICEMAIL },
      },
    ],
    numbers: [],
    extensions: [],
    devices: [],
    faxLines: [],
  }
  await writePlanFile(file, empty)
  const store = await PlanStore.open(file, { language: 'en' })
  return { backend: createBackendWith(store, new Session('en')), remove }
}

const nameLike = fc
  .tuple(
    fc.constantFrom('', '=', '+', '-', '@', "'", "'=", '＝'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
  )
  .map(([prefix, rest]) => `${prefix}${rest}`.trim())

  .filter((name) => name !== '' && !/[\u0000-\u001F\u007F-\u009F]/.test(name))

describe('CSV round trip', () => {
  it('exports random valid plans, imports them into an empty plan, and gets the same users; a second import changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(',', ';') as fc.Arbitrary<',' | ';'>,
        fc.array(nameLike, { maxLength: 5 }),
        async (seed, count, delimiter, oddNames) => {
          const source = generatePlan(count, { seed })
          oddNames.forEach((name, position) => {
            const user = source.users[position % source.users.length]!
            if (position % 2 === 0) user.firstName = name
            else user.lastName = name
          })
          const { text } = exportCsv(source, { scope: 'all', search: '', filters: [], delimiter })
          const { backend, remove } = await emptyPlanLike(source)
          try {
            const first = await review(backend, Buffer.from(text, 'utf8'))
            expect(first.rows.filter((row) => row.errors.length > 0)).toEqual([])
            expect(first.summary.counts.new).toBe(source.users.length)
            expectData(await backend.call('csv:importCommit', { importId: first.summary.importId }))
            expect(usersOf(backend.store.plan, IMPORTER)).toEqual(usersOf(source, IMPORTER))

            // The same file again, and our own export of the result: nothing changes.
            const ownExport = exportCsv(backend.store.plan, {
              scope: 'all',
              search: '',
              filters: [],
              delimiter,
            }).text
            for (const again of [text, ownExport]) {
              const before = await fileBytes(backend.store)
              const second = await review(backend, Buffer.from(again, 'utf8'))
              expect(second.summary.counts).toMatchObject({ new: 0, update: 0, error: 0 })
              expect(
                expectError(await backend.call('csv:importCommit', { importId: second.summary.importId }))
                  .message,
              ).toMatch(/Nothing to import/)
              expect((await fileBytes(backend.store)).equals(before)).toBe(true)
            }
          } finally {
            await remove()
          }
        },
      ),
      { numRuns: 15 },
    )
  }, 240_000)

  it('refuses nothing it wrote itself: the upload path takes the export in small parts', async () => {
    const source = generatePlan(30, { seed: 7 })
    const { text } = exportCsv(source, { scope: 'all', search: '', filters: [], delimiter: ';' })
    const { backend, remove } = await emptyPlanLike(source)
    try {
      expectData(await upload(backend, Buffer.from(text, 'utf8'), 1000))
    } finally {
      await remove()
    }
  })
})
