import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Device, FaxLine, Language, Location, Target } from '../../shared/domain'
import { extensionRuleBroken } from '../extensions/extensionRules'
import { DurableTextFile } from '../store/durableTextFile'
import { CURRENT_SCHEMA_VERSION } from '../store/planFile'
import type { Plan, StoredExtension, StoredNumber, StoredUser } from '../store/planFile'

/**
 * Deterministic, realistic plans of any size for tests and benchmarks: the same seed gives the same
 * plan. Every plan is valid (`planSchema` and `planInvariantProblem`): unique ids, emails,
 * numbers, extensions and MACs; about one admin per 25 users; a location per about 50 users with
 * a German address; a pool of +49 numbers per location (more numbers than users, about 10 % free);
 * telephony for about 90 % with the app and up to four further devices; fax lines for some;
 * voicemail settings. Extensions: one for most users while the 2–4 digit space lasts (about 10,800
 * usable extensions in all — beyond that, users have none). Linear in the user count.
 */

const germanFirst =
  'Anna Ben Clara David Emma Felix Greta Hannah Ilse Jonas Karl Lena Max Nina Oskar Paula Quentin Rita Sven Tina Uwe Vera Willi Zoë Jörg Johann Lukas Leonie Marie Sophie Paul Elias Mia Emil Frieda Jürgen Sabine Thomas Ute Wolfgang Birgit Dieter Käthe Günter Renate Björn Maximilian Charlotte'
const internationalFirst =
  'Yusuf Ünal Ömer Ägidius Mehmet Ayşe Fatma Elif Giulia Luca Sofia Matteo Jan Piotr Agnieszka Olga Dmitri Wei Chen Priya Arjun Fatima Ahmed Ana João Lucía Mateo Aoife Siobhán Noah Olivia Chloé Théo Søren Åsa Zeynep Kenji Amara Nikolai'
const germanLast =
  'Müller Müller Müller Schmidt Schmidt Schneider Schneider Fischer Fischer Weber Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Werner Krause Lehmann Köhler Maier Ott Groß Weiß Jäger Voß Fuchs Kühn'
const internationalLast =
  'Özdemir Yılmaz Kaya Rossi Bianchi Kowalski Nowak Ivanova Petrov Wang Li Sharma Patel Haddad Silva Santos García Fernández Murphy OʼBrien Smith Dubois Nielsen Andersson van der Berg de Vries Nakamura Okafor Horváth Novák'

const split = (names: string): string[] => names.split(' ').map((name) => name.replace(/_/g, ' '))
const firstNames = { german: split(germanFirst), international: split(internationalFirst) }
const lastNames = {
  german: split(germanLast),
  international: split(
    internationalLast.replace('van der Berg', 'van_der_Berg').replace('de Vries', 'de_Vries'),
  ),
}

/** City, first two postcode digits, area code (a prefix-free set, so numbers never collide). */
const cities: readonly [string, string, string][] = [
  ['Düsseldorf', '40', '211'],
  ['Köln', '50', '221'],
  ['Berlin', '10', '30'],
  ['Hamburg', '20', '40'],
  ['München', '80', '89'],
  ['Frankfurt am Main', '60', '69'],
  ['Stuttgart', '70', '711'],
  ['Leipzig', '04', '341'],
  ['Dresden', '01', '351'],
  ['Hannover', '30', '511'],
  ['Bremen', '28', '421'],
  ['Nürnberg', '90', '911'],
  ['Essen', '45', '201'],
  ['Dortmund', '44', '231'],
  ['Bonn', '53', '228'],
  ['Mannheim', '68', '621'],
]
const streets = [
  'Hauptstraße',
  'Königsallee',
  'Friedrichstraße',
  'Bahnhofstraße',
  'Schillerstraße',
  'Goethestraße',
  'Lindenallee',
  'Am Markt',
  'Industriestraße',
  'Gartenweg',
  'Kaiserstraße',
  'Rheinuferpromenade',
  'Mühlenweg',
  'Schloßstraße',
  'Am Hafen',
]
const companies = [
  'Nordlicht Kommunikation GmbH',
  'Rheinblick Logistik AG',
  'Müller & Söhne KG',
  'Benchmark GmbH',
  'Alpenglühen Software GmbH',
]
const phoneModels: readonly [string, string][] = [
  ['Yealink T54W', '80:5e:c0'],
  ['Snom D785', '00:04:13'],
  ['Gigaset Maxwell 3', '7c:2f:80'],
  ['Poly VVX 450', '64:16:7f'],
  ['Cisco 7841', '00:1b:54'],
]
const deskNames = {
  de: ['Tischtelefon', 'Empfang', 'Besprechungsraum', 'Büro'],
  en: ['Desk phone', 'Reception', 'Meeting room', 'Office'],
}
const mobileNames = {
  de: ['Diensthandy', 'iPhone', 'Smartphone'],
  en: ['Work mobile', 'iPhone', 'Smartphone'],
}
const externalNames = {
  de: ['Homeoffice', 'Weiterleitung', 'Zweitbüro'],
  en: ['Home office', 'Forwarding', 'Second office'],
}
const appName: Record<Language, string> = { de: 'Softphone-App', en: 'Softphone app' }
const faxAliases = {
  de: ['Buchhaltung', 'Vertrieb', 'Einkauf', 'Personal'],
  en: ['Accounting', 'Sales', 'Purchasing', 'HR'],
}
const mobilePrefixes = [
  '151',
  '152',
  '157',
  '160',
  '162',
  '170',
  '171',
  '172',
  '173',
  '175',
  '176',
  '177',
  '178',
  '179',
]
const voicemailTimeouts = [15, 20, 30, 30, 45, 60, 120]

/** mulberry32: a small, good 32-bit generator; the same seed gives the same plan. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

/** An email local part: ASCII letters and digits only (`Jürgen` → `jurgen`, `Groß` → `gross`). */
const asciiFold = (text: string): string =>
  text
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')

export interface GeneratePlanOptions {
  seed?: number
  /** Every n-th user is an admin (the first user always is); default 25. */
  adminEvery?: number
  /** Start of every id; plans with different prefixes share no ids. Users: default `user-`. */
  idPrefix?: string
  /** Share of users with telephony (default 0.9). */
  telephonyShare?: number
}

/** 2–4 digit extensions, unique and never in a blocked range; wider ones first for larger plans. */
function extensionSource(userCount: number): () => string | null {
  const startWidth = userCount <= 60 ? 2 : userCount <= 700 ? 3 : 4
  const order: string[] = []
  const widths = [startWidth, ...[2, 3, 4].filter((width) => width !== startWidth)]
  for (const width of widths) {
    for (let value = 10 ** (width - 1); value < 10 ** width; value++) order.push(String(value))
  }
  // Leading zeros are valid extensions but unusual: used last.
  for (const width of [2, 3, 4]) {
    for (let value = 0; value < 10 ** (width - 1); value++) order.push(String(value).padStart(width, '0'))
  }
  let position = 0
  return () => {
    while (position < order.length) {
      const candidate = order[position++] as string
      if (extensionRuleBroken(candidate) === null) return candidate
    }
    return null
  }
}

export function generatePlan(userCount: number, options: GeneratePlanOptions = {}): Plan {
  const next = random(options.seed ?? 42)
  const adminEvery = Math.max(1, options.adminEvery ?? 25)
  const telephonyShare = options.telephonyShare ?? 0.9
  const tag = options.idPrefix ?? ''
  const userPrefix = options.idPrefix ?? 'user-'
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
  const digits = (count: number): string => {
    let text = ''
    for (let i = 0; i < count; i++) text += String(Math.floor(next() * 10))
    return text
  }
  const pad = (value: number): string => String(value).padStart(7, '0')

  // Locations: one per about 50 users, each with its own block(s) of numbers in its city.
  const locationCount = Math.max(1, Math.round(userCount / 50))
  const exchangeOf = new Map<string, number>()
  const firstExchange = 2000 + Math.floor(next() * 5000)
  const newExchange = (area: string): string => {
    const exchange = exchangeOf.get(area) ?? firstExchange
    exchangeOf.set(area, exchange + 1)
    return `+49${area}${exchange}`
  }
  interface Block {
    area: string
    base: string
    used: number
    numbers: StoredNumber[]
  }
  const locations: Location[] = []
  const blocks: Block[] = []
  for (let l = 0; l < locationCount; l++) {
    const [city, postcode, area] = cities[l % cities.length] as [string, string, string]
    const round = Math.floor(l / cities.length)
    locations.push({
      id: `${tag}location-${pad(l)}`,
      name: l === 0 ? `Zentrale ${city}` : round === 0 ? city : `${city} ${round + 1}`,
      street: pick(streets),
      houseNumber: `${1 + Math.floor(next() * 180)}${next() < 0.15 ? pick(['a', 'b', 'c']) : ''}`,
      postcode: `${postcode}${digits(3)}`,
      city,
      country: 'DE',
    })
    blocks.push({ area, base: newExchange(area), used: 0, numbers: [] })
  }
  /** The next number of a block; about one in ten is left free, as in a real pool. */
  const takeNumber = (block: Block, assignedTo: Target | null): string => {
    if (block.used >= 1000) {
      block.base = newExchange(block.area)
      block.used = 0
    }
    const number = `${block.base}${String(block.used++).padStart(3, '0')}`
    block.numbers.push({ number, assignedTo })
    if (assignedTo !== null && next() < 0.1 && block.used < 1000) takeNumber(block, null)
    return number
  }

  const nextExtension = extensionSource(userCount)
  const users: StoredUser[] = []
  const extensions: StoredExtension[] = []
  const devices: Device[] = []
  const faxLines: FaxLine[] = []
  const emails = new Map<string, number>()
  let macCounter = Math.floor(next() * 0xffffff)
  let deviceCount = 0
  const deviceId = (): string => `${tag}device-${pad(deviceCount++)}`

  for (let i = 0; i < userCount; i++) {
    const international = next() < 0.25
    const firstName = pick(international ? firstNames.international : firstNames.german)
    const lastName = pick(next() < 0.25 ? lastNames.international : lastNames.german)
    const local = `${asciiFold(firstName)}.${asciiFold(lastName)}`
    const seen = emails.get(local) ?? 0
    emails.set(local, seen + 1)
    const id = `${userPrefix}${pad(i)}`
    const language: Language = international ? (next() < 0.6 ? 'en' : 'de') : next() < 0.95 ? 'de' : 'en'
    const telephony = i === 0 || next() < telephonyShare
    const fax = next() < 0.12
    const group = Math.min(locationCount - 1, Math.floor((i * locationCount) / Math.max(1, userCount)))
    const block = blocks[group] as Block
    users.push({
      id,
      firstName,
      lastName,
      email: `${local}${seen === 0 ? '' : seen + 1}@example.com`,
      language,
      admin: i === 0 || i % adminEvery === 0,
      permissions: { telephony, fax },
      locationId: next() < 0.9 ? (locations[group] as Location).id : null,
      passwordHash: null,
      voicemail: { enabled: next() < 0.4, timeoutSeconds: pick(voicemailTimeouts) },
    })
    const self: Target = { kind: 'user', id }

    const roll = next()
    const numberCount = telephony ? (roll < 0.05 ? 0 : roll < 0.75 ? 1 : 2) : roll < 0.1 ? 1 : 0
    for (let n = 0; n < numberCount; n++) takeNumber(block, self)
    if (next() < 0.92) {
      const extension = nextExtension()
      if (extension !== null) extensions.push({ extension, owner: self })
    }

    if (telephony) {
      devices.push({
        id: deviceId(),
        userId: id,
        type: 'app',
        name: appName[language],
        active: next() < 0.95,
      })
      const extraRoll = next()
      const extra =
        extraRoll < 0.35 ? 0 : extraRoll < 0.7 ? 1 : extraRoll < 0.88 ? 2 : extraRoll < 0.96 ? 3 : 4
      for (let d = 0; d < extra; d++) {
        const kind = next()
        const active = next() < 0.85
        if (kind < 0.55) {
          const [model, oui] = pick(phoneModels)
          macCounter = (macCounter + 1) & 0xffffff
          // An odd multiplier is a bijection on 24 bits: unique MACs that do not look sequential.
          const serial = (Math.imul(macCounter, 0x9e3779) & 0xffffff).toString(16).padStart(6, '0')
          const mac = `${oui}:${serial.slice(0, 2)}:${serial.slice(2, 4)}:${serial.slice(4, 6)}`
          devices.push({
            id: deviceId(),
            userId: id,
            type: 'voip',
            name: pick(deskNames[language]),
            model: next() < 0.9 ? model : null,
            mac: next() < 0.85 ? mac : null,
            active,
          })
        } else if (kind < 0.85) {
          const prefix = pick(mobilePrefixes)
          devices.push({
            id: deviceId(),
            userId: id,
            type: 'mobile',
            name: pick(mobileNames[language]),
            number: `+49${prefix}${digits(prefix.startsWith('15') ? 8 : 7)}`,
            active,
          })
        } else {
          const [, , area] = pick(cities)
          devices.push({
            id: deviceId(),
            userId: id,
            type: 'external',
            name: pick(externalNames[language]),
            number:
              next() < 0.85 ? `+49${area}${2 + Math.floor(next() * 8)}${digits(6)}` : `+4144${digits(7)}`,
            active,
          })
        }
      }
    }

    if (fax) {
      const lineCount = next() < 0.15 ? 2 : 1
      for (let f = 0; f < lineCount; f++) {
        const line: FaxLine = {
          id: `${tag}fax-${pad(faxLines.length)}`,
          userId: id,
          alias: f === 0 ? `Fax ${lastName}` : `Fax ${pick(faxAliases[language])}`,
          send: next() < 0.85,
          receive: true,
        }
        if (next() < 0.15) line.receive = false
        if (!line.send && !line.receive) line.send = true
        faxLines.push(line)
        const target: Target = { kind: 'fax', id: line.id }
        if (next() < 0.9) takeNumber(block, target)
        if (next() < 0.2) {
          const extension = nextExtension()
          if (extension !== null) extensions.push({ extension, owner: target })
        }
      }
    }
  }

  // More numbers than users, and at least one free number, whatever the rolls gave.
  const numbers: StoredNumber[] = blocks.flatMap((block) => block.numbers)
  const head = blocks[0] as Block
  let total = numbers.length
  while (total <= userCount || !numbers.some((entry) => entry.assignedTo === null)) {
    takeNumber(head, null)
    numbers.push(head.numbers[head.numbers.length - 1] as StoredNumber)
    total++
  }

  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    account: { name: pick(companies), country: 'DE', currency: 'EUR', extraDevicePrice: 4.95 },
    users,
    numbers,
    extensions,
    devices,
    faxLines,
    locations,
    history: [],
  }
}

/** Writes `plan` the way the store serializes it, durably (temp file, fsync, rename). */
export async function writePlanFile(file: string, plan: Plan): Promise<void> {
  await new DurableTextFile(file).write(`${JSON.stringify(plan, null, 2)}\n`)
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
