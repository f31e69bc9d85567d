import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportRowView } from '../../shared/csv'
import { expectData, expectError, fileBytes } from '../testing/planFixture'
import { review, testBackend, upload } from './csvTestkit'
import { decodeText, detectDelimiter } from './csvDecode'

const fixture = (name: string): Promise<Buffer> => readFile(path.join(import.meta.dirname, 'fixtures', name))

const names = (rows: ImportRowView[]): string[] =>
  rows.map((row) => `${row.values.firstName} ${row.values.lastName}`)

describe('reading files as other programs write them', () => {
  it('detects the encoding by BOM, by validity, and UTF-16 without BOM', () => {
    expect(decodeText(Buffer.from('\uFEFFä', 'utf8'))).toEqual({ text: 'ä', encoding: 'utf-8' })
    expect(decodeText(Buffer.from('ä', 'latin1'))).toEqual({ text: 'ä', encoding: 'windows-1252' })
    expect(decodeText(Buffer.from('€', 'utf8')).encoding).toBe('utf-8')
    expect(decodeText(Buffer.from([0x80, 0x84, 0x93, 0x8a, 0xe4])).text).toBe('€„“Šä')
    expect(decodeText(Buffer.from('a,b\r\n', 'utf16le'))).toEqual({ text: 'a,b\r\n', encoding: 'utf-16le' })
  })

  it('detects the delimiter from the header, ignoring quoted ones', () => {
    expect(detectDelimiter('a;b;c\n1,2;3')).toBe(';')
    expect(detectDelimiter('a\tb\tc')).toBe('\t')
    expect(detectDelimiter('"x;y;z",b\n')).toBe(',')
  })

  it.each([
    ['excel-de-bom-semicolon-crlf.csv', 'utf-8', ';', ['Jürgen Größe', 'Özlem Şahin'], []],
    ['windows-1252-comma.csv', 'windows-1252', ',', ['Björn Weiß', 'Renée Müller'], []],
    ['utf16le-tab.txt.csv', 'utf-16le', '\t', ['Zoë Åberg'], []],
    ['utf16be-semicolon.csv', 'utf-16be', ';', ['Léa Dupont'], []],
    ['quoted-newlines.csv', 'utf-8', ',', ['Lee, Ann Smith', 'Max Mustermann "Max"'], ['notes']],
    [
      'freepbx-usermanager.csv',
      'utf-8',
      ',',
      ['Kim Lo', 'Tom Ray'],
      ['username', 'description', 'password', 'displayname'],
    ],
    ['3cx-users.csv', 'utf-8', ',', ['Eva Kern', 'Uwe Sand'], ['OutboundCallerID', 'Department']],
    ['wazo-users.csv', 'utf-8', ',', ['Lina Berg', 'Ole Fink'], ['context']],
  ])(
    '%s: %s, delimiter %j, every row new, unknown columns listed',
    async (name, encoding, delimiter, expected, unknown) => {
      const backend = await testBackend()
      const { summary, rows } = await review(backend, await fixture(name))
      expect(summary.encoding).toBe(encoding)
      expect(summary.delimiter).toBe(delimiter)
      expect(summary.unknownColumns).toEqual(unknown)
      expect(names(rows)).toEqual(expected)
      expect(rows.map((row) => [row.status, row.errors])).toEqual(expected.map(() => ['new', []]))
      expect(summary.canCommit).toBe(true)
      expectData(await backend.call('csv:importCommit', { importId: summary.importId }))
      for (const full of expected) {
        expect(backend.store.plan.users.some((user) => `${user.firstName} ${user.lastName}` === full)).toBe(
          true,
        )
      }
    },
  )

  it('imports what the systems mean: extensions, numbers (added to the pool), mobile devices, language', async () => {
    const backend = await testBackend()
    for (const name of ['excel-de-bom-semicolon-crlf.csv', '3cx-users.csv', 'wazo-users.csv']) {
      const { summary } = await review(backend, await fixture(name))
      expectData(await backend.call('csv:importCommit', { importId: summary.importId }))
    }
    const plan = backend.store.plan
    const user = (email: string) => plan.users.find((candidate) => candidate.email === email)!
    const extensionsOf = (email: string) =>
      plan.extensions.filter((entry) => entry.owner.id === user(email).id).map((entry) => entry.extension)
    const numbersOf = (email: string) =>
      plan.numbers.filter((entry) => entry.assignedTo?.id === user(email).id).map((entry) => entry.number)
    expect(extensionsOf('juergen.groesse@example.com')).toEqual(['21'])
    expect(numbersOf('oezlem@example.com')).toEqual(['+4921155583', '+4921155584'])
    expect(user('oezlem@example.com').admin).toBe(true)
    expect(extensionsOf('eva.kern@example.com')).toEqual(['41'])
    const mobiles = plan.devices.filter(
      (device) => device.type === 'mobile' && device.userId === user('eva.kern@example.com').id,
    )
    expect(mobiles).toMatchObject([{ number: '+4915123456789' }])
    expect(user('lina@example.com').language).toBe('de')
    expect(user('ole@example.com').language).toBe('en')
    expect(extensionsOf('ole@example.com')).toEqual(['52'])
  })
})

describe('the review names row, column and rule; commit is all or nothing', () => {
  it('lists every bad row with its line, column and rule, and refuses to commit', async () => {
    const backend = await testBackend()
    const before = await fileBytes(backend.store)
    const { summary, rows } = await review(backend, await fixture('bad-rows.csv'))
    expect(summary.counts).toMatchObject({ new: 1, error: 8 })
    expect(summary.canCommit).toBe(false)
    const errorOf = (line: number) =>
      rows.find((row) => row.line === line)!.errors.map((e) => [e.header, e.message])
    expect(rows[0]).toMatchObject({ line: 2, status: 'new' })
    expect(errorOf(3)).toEqual([['email', expect.stringContaining('not-an-email')]])
    expect(errorOf(4)).toEqual([['email', expect.stringMatching(/good@example.com.*line 2/)]])
    expect(errorOf(5)).toEqual([['extensions', expect.stringMatching(/112.*emergency/i)]])
    expect(errorOf(6)).toEqual([['extensions', expect.stringMatching(/10.*Anna Schmidt/)]])
    expect(errorOf(7)).toEqual([['phone_numbers', expect.stringMatching(/"12" is not a valid phone number/)]])
    expect(errorOf(8)).toEqual([['phone_numbers', expect.stringMatching(/55581.*Ben Ott/)]])
    expect(errorOf(9)).toEqual(
      [
        ['admin', expect.stringContaining('vielleicht')],
        ['location', expect.stringContaining('Mars')],
      ]
        .sort((a, b) => (a[0]! < b[0]! ? 1 : -1))
        .reverse(),
    )
    expect(errorOf(10)).toEqual([['first_name', 'First name is required.']])
    const refused = expectError(await backend.call('csv:importCommit', { importId: summary.importId }))
    expect(refused.message).toContain('8 included rows still have errors')
    expect((await fileBytes(backend.store)).equals(before)).toBe(true)
  })

  it('a fixed cell is checked again by main; excluded rows are left out; then the commit lands once, after a backup', async () => {
    const backend = await testBackend()
    const { summary, rows } = await review(backend, await fixture('bad-rows.csv'))
    const id = summary.importId
    const fix = (index: number, field: string, value: string) =>
      backend.call('csv:importEdit', { importId: id, index, field, value })
    const fixed = expectData<{ row: ImportRowView }>(await fix(1, 'email', 'no.mail@example.com'))
    expect(fixed.row).toMatchObject({ status: 'new', errors: [] })
    const stillBad = expectData<{ row: ImportRowView }>(await fix(4, 'extensions', '11'))
    expect(stillBad.row.errors[0]!.message).toMatch(/11.*Ben Ott/)
    for (const row of rows.slice(2)) {
      expectData(await backend.call('csv:importEdit', { importId: id, index: row.index, excluded: true }))
    }
    const errorsOnly = expectData<{ total: number }>(
      await backend.call('csv:importRows', { importId: id, only: 'errors' }),
    )
    expect(errorsOnly.total).toBe(0)
    const stateBefore = await fileBytes(backend.store)
    const usersBefore = backend.store.plan.users.length
    const done = expectData(await backend.call('csv:importCommit', { importId: id }))
    expect(done).toEqual({ created: 2, updated: 0, unchanged: 0, excluded: 7 })
    expect(backend.store.plan.users.length).toBe(usersBefore + 2)
    // The newest backup holds the state before the import (RELIABILITY 20).
    const newest = (await backend.store.listBackups()).filter((name) => name.endsWith('-plan.json')).at(-1)!
    expect((await readFile(path.join(backend.store.backupsDir, newest))).equals(stateBefore)).toBe(true)
    // The import is closed once committed.
    expect(expectError(await backend.call('csv:importCommit', { importId: id })).code).toBe('not_found')
  })

  it.each([
    ['malformed-unclosed-quote.csv', /cannot be read as CSV near line/],
    ['binary.csv', /not a CSV text file/],
  ])('%s is refused with a clear message and changes nothing on disk', async (name, text) => {
    const backend = await testBackend()
    const before = await fileBytes(backend.store)
    const error = expectError(await upload(backend, await fixture(name)))
    expect(error.message).toMatch(text)
    expect((await fileBytes(backend.store)).equals(before)).toBe(true)
  })

  it('refuses files over the size and row limits with a message naming the limit', async () => {
    const backend = await testBackend()
    const rows = ['first_name,last_name,email']
    for (let n = 0; n < 5001; n++) rows.push(`A,B,a${n}@example.com`)
    expect(expectError(await upload(backend, Buffer.from(rows.join('\n')))).message).toMatch(
      /more than 5000 rows/,
    )
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 'a')
    expect(expectError(await upload(backend, big, 384 * 1024)).message).toMatch(/larger than 5 MB/)
  })

  it('an import started on one plan cannot be committed into another plan opened meanwhile', async () => {
    const backend = await testBackend()
    const { summary } = await review(
      backend,
      Buffer.from('first_name,last_name,email\nNew,Person,new@example.com\n'),
    )
    expect(summary.canCommit).toBe(true)
    const first = backend.store
    const firstBytes = await fileBytes(first)
    expectData(
      await backend.call('plans:create', {
        accountName: 'Other office',
        country: 'DE',
        ownerFirstName: 'Clara',
        ownerLastName: 'Berg',
        ownerEmail: 'clara.berg@example.com',
      }),
    )
    expect(backend.store).not.toBe(first)
    const otherBytes = await fileBytes(backend.store)
    const refused = expectError(await backend.call('csv:importCommit', { importId: summary.importId }))
    expect(refused.code).toBe('not_found')
    expect(refused.message).toContain('Choose the file again')
    expect((await fileBytes(backend.store)).equals(otherBytes)).toBe(true)
    expect((await fileBytes(first)).equals(firstBytes)).toBe(true)
    await backend.workspace.close()
  })

  it('is for admins only', async () => {
    const backend = await testBackend()
    const ben = backend.store.plan.users.find((user) => !user.admin)!
    backend.session.actAs(ben.id)
    expect(expectError(await upload(backend, await fixture('wazo-users.csv'))).code).toBe('forbidden')
    expect(expectError(await backend.call('csv:export', { scope: 'all', delimiter: ',' })).code).toBe(
      'forbidden',
    )
  })
})
