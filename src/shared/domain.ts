import { z } from 'zod'

/** Domain shapes shared by main and renderer. The plan file schema in main extends these. */

export const languages = ['de', 'en'] as const
export type Language = (typeof languages)[number]

export const LIMITS = {
  name: 100,
  email: 254,
  search: 200,
  pageSize: 500,
} as const

export const permissionsSchema = z.strictObject({
  telephony: z.boolean(),
  fax: z.boolean(),
})
export type Permissions = z.infer<typeof permissionsSchema>

/** A user as the renderer may see it: never any password material. */
export const userSchema = z.strictObject({
  id: z.string().min(1).max(64),
  firstName: z.string().max(LIMITS.name),
  lastName: z.string().max(LIMITS.name),
  email: z.string().max(LIMITS.email),
  language: z.enum(languages),
  admin: z.boolean(),
  permissions: permissionsSchema,
  locationId: z.string().min(1).max(64).nullable(),
})
export type User = z.infer<typeof userSchema>

export const userSortKeys = ['name', 'email', 'admin', 'telephony', 'fax'] as const
export type UserSortKey = (typeof userSortKeys)[number]

/** Narrow the users list; filters combine (a user must pass every filter that is on). */
export const userListFilters = ['admins', 'withoutLocation', 'routingIncomplete'] as const
export type UserListFilter = (typeof userListFilters)[number]

/** A row of the users list: the user and what the list shows of their telephony. */
export interface UserRow extends User {
  /** Assigned numbers, in pool order. */
  numbers: { number: string; national: string; international: string }[]
  extensions: string[]
  deviceCount: number
  activeDeviceCount: number
  locationName: string | null
  /** Same rule as the user's routing: telephony, a number and an active device. */
  routingComplete: boolean
  missing: RoutingGap[]
}

export interface UserPage {
  /** Users matching the search and filters, before paging. */
  total: number
  /** Users in the whole plan. */
  planTotal: number
  offset: number
  items: UserRow[]
}

export type ReadOnlyReason = 'newer_version' | 'no_write_permission' | 'locked'

/** Who holds the lock of a plan file (see src/main/store/planLock.ts); null where unknown. */
export interface PlanLockHolder {
  hostname: string | null
  pid: number | null
  /** ISO time the holder opened the plan. */
  since: string | null
}

/** What happened when the plan was opened; shown to the person as a banner. */
export interface PlanStatus {
  path: string
  accountName: string
  readOnly: ReadOnlyReason | null
  /** With `readOnly: 'locked'`: the other Switchboard window or process that writes the plan. */
  lockedBy?: PlanLockHolder
  /** Set when the plan file was unreadable and was moved aside. */
  recovery: {
    keptAs: string
    restoredFrom: string | null
  } | null
}

// ── The account model (schema version 2) ────────────────────────────────────────────────────────

export const LIMITS_MODEL = {
  label: 100,
  model: 100,
  password: { min: 8, max: 200 },
  numberInput: 40,
  blockSize: 1000,
  extensionsPerUser: 20,
  street: 200,
  postcode: 20,
} as const

/** A phone number in E.164: `+` and 8–15 digits (libphonenumber-js makes and checks them in main). */
export const e164Schema = z.string().regex(/^\+[1-9]\d{6,14}$/)
/** An internal short number: 2–4 digits. The blocked ranges are checked in main. */
export const extensionSchema = z.string().regex(/^\d{2,4}$/)
export const macSchema = z.string().regex(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/)
const idString = z.string().min(1).max(64)

/** Who a number or extension belongs to: a user (voice) or a fax line. */
export const targetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('user'), id: idString }),
  z.strictObject({ kind: z.literal('fax'), id: idString }),
])
export type Target = z.infer<typeof targetSchema>

export const deviceTypes = ['voip', 'mobile', 'external', 'app'] as const
export type DeviceType = (typeof deviceTypes)[number]

const deviceBase = {
  id: idString,
  userId: idString,
  name: z.string().min(1).max(LIMITS_MODEL.label),
  /** Rings when a call reaches the user (part of the routing). */
  active: z.boolean(),
}
export const deviceSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...deviceBase,
    type: z.literal('voip'),
    model: z.string().max(LIMITS_MODEL.model).nullable(),
    mac: macSchema.nullable(),
  }),
  z.strictObject({ ...deviceBase, type: z.literal('mobile'), number: e164Schema }),
  z.strictObject({ ...deviceBase, type: z.literal('external'), number: e164Schema }),
  z.strictObject({ ...deviceBase, type: z.literal('app') }),
])
export type Device = z.infer<typeof deviceSchema>

export const faxLineSchema = z.strictObject({
  id: idString,
  userId: idString,
  alias: z.string().min(1).max(LIMITS_MODEL.label),
  send: z.boolean(),
  receive: z.boolean(),
})
export type FaxLine = z.infer<typeof faxLineSchema>

export const locationSchema = z.strictObject({
  id: idString,
  name: z.string().max(LIMITS_MODEL.label),
  street: z.string().max(LIMITS_MODEL.street),
  houseNumber: z.string().max(LIMITS_MODEL.postcode),
  postcode: z.string().min(1).max(LIMITS_MODEL.postcode),
  city: z.string().min(1).max(LIMITS_MODEL.label),
  /** ISO 3166 alpha-2. */
  country: z.string().regex(/^[A-Z]{2}$/),
})
export type Location = z.infer<typeof locationSchema>

export const voicemailSchema = z.strictObject({
  enabled: z.boolean(),
  timeoutSeconds: z.number().int().min(5).max(600),
})
export type Voicemail = z.infer<typeof voicemailSchema>

export const accountSchema = z.strictObject({
  name: z.string().min(1).max(LIMITS.name),
  country: z.string().regex(/^[A-Z]{2}$/),
  currency: z.literal('EUR'),
  extraDevicePrice: z.number().min(0).max(1000),
})
export type Account = z.infer<typeof accountSchema>

/** A target with the name a person reads (user's full name, or the fax line's alias). */
export type NamedTarget = Target & { name: string }

/** A number of the pool as the renderer shows it. */
export interface PhoneNumber {
  /** E.164, the key. */
  number: string
  national: string
  international: string
  assignedTo: NamedTarget | null
}

export interface NumberPage {
  total: number
  offset: number
  items: PhoneNumber[]
}

export type ExtensionStatus = 'free' | 'taken' | 'blocked' | 'invalid'

export interface ExtensionCheck {
  extension: string
  status: ExtensionStatus
  /** Why it cannot be used (the rule or the owner), in the UI language; null when free. */
  message: string | null
  owner: NamedTarget | null
  /** The next free extensions, nearest first. */
  suggestions: string[]
}

/** Devices and their cost for one user: from the third counted device (the app does not count) on. */
export interface UserCost {
  countedDevices: number
  extraDevices: number
  /** Per month, in the plan's currency. */
  monthlyCost: number
}

export interface PlanCost extends UserCost {
  currency: 'EUR'
  extraDevicePrice: number
  users: number
}

export type RoutingGap = 'telephony' | 'number' | 'activeDevice'

export interface Routing {
  userId: string
  telephony: boolean
  numbers: PhoneNumber[]
  extensions: string[]
  devices: Device[]
  voicemail: Voicemail
  /** Telephony on, at least one number, at least one active device. */
  complete: boolean
  /** What is missing, in this order; empty when complete. */
  missing: RoutingGap[]
  cost: UserCost
}

export interface FaxLineView extends FaxLine {
  number: PhoneNumber | null
  extensions: string[]
}

export interface UserDetail {
  user: User
  hasPassword: boolean
  location: Location | null
  routing: Routing
  faxLines: FaxLineView[]
}

/** What deleting a user (or removing a permission) would release or remove. */
export interface Impact {
  /** Numbers that go back to the pool. */
  releasedNumbers: PhoneNumber[]
  /** Extensions that disappear. */
  removedExtensions: string[]
  removedDevices: Device[]
  removedFaxLines: FaxLine[]
}

export interface LocationView extends Location {
  userCount: number
}

export interface LocationUsage {
  location: Location
  userCount: number
  /** The first users (by name) who use it, for the confirmation. */
  users: { id: string; name: string }[]
}

/** What undo and redo would do now for the acting user (labels short, in the UI language). */
export interface UndoState {
  canUndo: boolean
  canRedo: boolean
  /** What undo takes back, e.g. "delete user"; set when there is a step, even one not allowed. */
  undoLabel?: string
  redoLabel?: string
}

/** A plan file the person may open or compare: from the recent list or the plans folder. */
export interface KnownPlan {
  /** Absolute path of the plan file (main accepts only paths it listed itself). */
  path: string
  /** The file name without `.json`. */
  fileName: string
  /** The account name inside the plan, or null when the file cannot be read now. */
  accountName: string | null
  /** ISO time it was last opened in Switchboard, or null (a file found in the plans folder). */
  openedAt: string | null
  /** Whether this is the plan open now. */
  current: boolean
  /** False when the file is gone or unreadable (still listed in recent, greyed out). */
  available: boolean
}
