import { z } from 'zod'
import type { ChannelName } from './channels'
import {
  LIMITS,
  LIMITS_MODEL,
  languages,
  permissionsSchema,
  targetSchema,
  userListFilters,
  userSortKeys,
} from './domain'
import { CSV_LIMITS, csvDelimiters, csvImportFields } from './csv'
import type { HistoryPage } from './history'
import type { PlanHealth } from './health'
import type { PlanComparison } from './compare'
import type { CsvExportResult, ImportCommitResult, ImportRowView, ImportSummary } from './csv'
import type {
  Account,
  Device,
  ExtensionCheck,
  FaxLineView,
  Impact,
  KnownPlan,
  LocationUsage,
  LocationView,
  NumberPage,
  PhoneNumber,
  PlanCost,
  PlanStatus,
  Routing,
  User,
  UserDetail,
  UndoState,
  UserPage,
} from './domain'

/** Marks a channel's output type; carries no runtime value. */
const output = <T>(): T => undefined as T

interface ChannelSpec {
  input: z.ZodType
  output: unknown
}

const idSchema = z.string().min(1).max(64)
const empty = z.strictObject({})
const label = z.string().max(LIMITS_MODEL.label)
/** A phone number as a person typed it (`0211 5558 0`, `+49 211 55580`, `0049…`); main parses it. */
const typedNumber = z.string().max(LIMITS_MODEL.numberInput)
/** An extension as typed; main checks digits, length and the blocked ranges and names the rule. */
const typedExtension = z.string().max(10)
const password = z.string().max(LIMITS_MODEL.password.max)
/** Set to true once the person has seen the impact and confirmed it. */
const confirm = z.boolean().default(false)
const paging = {
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(LIMITS.pageSize).default(50),
}

// CSV
export const csvExportInput = z.strictObject({
  scope: z.enum(['all', 'filter']),
  search: z.string().max(200).default(''),
  filters: z.array(z.enum(userListFilters)).max(userListFilters.length).default([]),
  delimiter: z.enum(csvDelimiters),
})

const importId = z.string().min(1).max(64)
const rowIndex = z.number().int().min(0).max(CSV_LIMITS.rows)

export const csvImportUploadInput = z.strictObject({
  importId: importId.nullable().default(null),
  fileName: z.string().max(255).default('import.csv'),
  /** Base64 of the next part of the file. */
  chunk: z.string().max(CSV_LIMITS.chunkChars),
  /** True with the last part: main then reads and checks the file. */
  done: z.boolean(),
})

export const csvImportRowsInput = z.strictObject({
  importId,
  offset: z.number().int().min(0).max(CSV_LIMITS.rows).default(0),
  limit: z.number().int().min(1).max(500).default(50),
  only: z.enum(['all', 'errors']).default('all'),
})

export const csvImportEditInput = z.strictObject({
  importId,
  index: rowIndex,
  /** A corrected cell value. */
  field: z.enum(csvImportFields).optional(),
  value: z.string().max(CSV_LIMITS.cell).optional(),
  /** Exclude (true) or include (false) the row. */
  excluded: z.boolean().optional(),
})

export const csvImportIdInput = z.strictObject({ importId })

export const createUserInput = z.strictObject({
  firstName: z.string().max(LIMITS.name),
  lastName: z.string().max(LIMITS.name),
  email: z.string().max(LIMITS.email),
  language: z.enum(languages),
  admin: z.boolean(),
  permissions: permissionsSchema,
  /** Optional: a free number of the pool to assign right away. */
  number: typedNumber.optional(),
  /** Optional: an extension to give right away. */
  extension: typedExtension.optional(),
  /** Optional: an initial password (stored only as a scrypt hash). */
  password: password.optional(),
})
export type CreateUserInput = z.infer<typeof createUserInput>

export const listUsersInput = z.strictObject({
  search: z.string().max(LIMITS.search).default(''),
  sort: z.enum(userSortKeys).default('name'),
  descending: z.boolean().default(false),
  /** Filters that are on; each one narrows the list further. */
  filters: z.array(z.enum(userListFilters)).max(userListFilters.length).default([]),
  ...paging,
})
export type ListUsersInput = z.input<typeof listUsersInput>

export const updateUserInput = z.strictObject({
  id: idSchema,
  firstName: z.string().max(LIMITS.name).optional(),
  lastName: z.string().max(LIMITS.name).optional(),
  email: z.string().max(LIMITS.email).optional(),
  language: z.enum(languages).optional(),
})

export const locationInput = z.strictObject({
  name: z.string().max(LIMITS_MODEL.label),
  street: z.string().max(LIMITS_MODEL.street),
  houseNumber: z.string().max(LIMITS_MODEL.postcode),
  postcode: z.string().max(LIMITS_MODEL.postcode),
  city: z.string().max(LIMITS_MODEL.label),
  /** ISO 3166 alpha-2, any case; main upper-cases and checks it. */
  country: z.string().max(2),
})
export type LocationInput = z.infer<typeof locationInput>

export const newDeviceInput = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('voip'),
    name: label,
    model: z.string().max(LIMITS_MODEL.model).optional(),
    /** Any common notation (`AA-BB-CC-DD-EE-FF`, `aabb.ccdd.eeff`); main normalises it. */
    mac: z.string().max(20).optional(),
  }),
  z.strictObject({ type: z.literal('mobile'), name: label, number: typedNumber }),
  z.strictObject({ type: z.literal('external'), name: label, number: typedNumber }),
])
export type NewDeviceInput = z.infer<typeof newDeviceInput>

/** A plan file name as typed (without folder); main checks the characters and adds `.json`. */
const planFileNameInput = z.string().max(200)

export const newPlanInput = z.strictObject({
  accountName: z.string().max(LIMITS.name),
  /** ISO 3166 alpha-2 as typed; main upper-cases and checks it and names the rule. */
  country: z.string().max(10),
  ownerFirstName: z.string().max(LIMITS.name),
  ownerLastName: z.string().max(LIMITS.name),
  ownerEmail: z.string().max(LIMITS.email),
  /** Only without native dialogs (the browser bridge): the name in the plans folder. */
  fileName: planFileNameInput.optional(),
})
export type NewPlanInput = z.input<typeof newPlanInput>

/** The one typed contract: main, preload, bridge and renderer all derive from it. */
export const contract = {
  // App and session
  'app:status': { input: empty, output: output<PlanStatus>() },
  'app:setLanguage': { input: z.strictObject({ language: z.enum(languages) }), output: output<null>() },

  // Plan files (admins; src/main/workspace/). Each returns the status of the plan open afterwards,
  // or null when the person cancelled a native dialog. None is an undo step.
  /** The recent plans and the plan files in the plans folder. */
  'plans:known': { input: empty, output: output<KnownPlan[]>() },
  /** A new plan (the default plan's shape with these values), then opened. */
  'plans:create': { input: newPlanInput, output: output<PlanStatus | null>() },
  /** `path` must be one of `plans:known`; without it the native Open dialog asks (Electron only). */
  'plans:open': {
    input: z.strictObject({ path: z.string().min(1).max(4096).optional() }),
    output: output<PlanStatus | null>(),
  },
  /** The current state into a new file, which is then the open plan (Electron: the Save dialog). */
  'plans:saveAs': {
    input: z.strictObject({ fileName: planFileNameInput.optional() }),
    output: output<PlanStatus | null>(),
  },
  /** The open plan against another (`path` from `plans:known`; without it the native Open dialog): read only. */
  'plans:compare': {
    input: z.strictObject({ path: z.string().min(1).max(4096).optional() }),
    output: output<PlanComparison | null>(),
  },

  'session:actingUser': { input: empty, output: output<User>() },
  /** Act as another user; a user with a password needs it (wrong ones are answered slowly). */
  'session:switch': {
    input: z.strictObject({ userId: idSchema, password: password.optional() }),
    output: output<User>(),
  },

  // Plan settings and cost
  'plan:settings': { input: empty, output: output<Account>() },
  'plan:updateSettings': {
    input: z.strictObject({
      name: z.string().max(LIMITS.name).optional(),
      country: z.string().max(2).optional(),
      extraDevicePrice: z.number().min(0).max(1000).optional(),
    }),
    output: output<Account>(),
  },
  'plan:cost': { input: empty, output: output<PlanCost>() },
  /** Takes the last change back / makes the last undone one again (see docs/decisions.md for who may). */
  'plan:undo': { input: empty, output: output<UndoState>() },
  'plan:redo': { input: empty, output: output<UndoState>() },
  'plan:undoState': { input: empty, output: output<UndoState>() },
  /** The change history, newest first, searched (ignoring case) in the rendered text; admins only. */
  'history:list': {
    input: z.strictObject({ query: z.string().max(LIMITS.search).default(''), ...paging }),
    output: output<HistoryPage>(),
  },
  'plan:health': { input: empty, output: output<PlanHealth>() },

  // Users
  'users:list': { input: listUsersInput, output: output<UserPage>() },
  'users:get': { input: z.strictObject({ id: idSchema }), output: output<UserDetail>() },
  'users:create': { input: createUserInput, output: output<User>() },
  'users:update': { input: updateUserInput, output: output<User>() },
  /** `password: null` removes it. A non-admin changing its own set password gives the current one. */
  'users:setPassword': {
    input: z.strictObject({
      id: idSchema,
      password: password.nullable(),
      currentPassword: password.optional(),
    }),
    output: output<{ hasPassword: boolean }>(),
  },
  'users:setAdmin': { input: z.strictObject({ id: idSchema, admin: z.boolean() }), output: output<User>() },
  'users:setLocation': {
    input: z.strictObject({ id: idSchema, locationId: idSchema.nullable() }),
    output: output<User>(),
  },
  'users:permissionImpact': {
    input: z.strictObject({ id: idSchema, telephony: z.boolean(), fax: z.boolean() }),
    output: output<Impact>(),
  },
  /** Taking telephony away removes the app; taking fax away removes fax lines: both need `confirm`. */
  'users:setPermissions': {
    input: z.strictObject({ id: idSchema, telephony: z.boolean(), fax: z.boolean(), confirm }),
    output: output<User>(),
  },
  'users:deletionImpact': { input: z.strictObject({ id: idSchema }), output: output<Impact>() },
  'users:delete': { input: z.strictObject({ id: idSchema }), output: output<{ id: string }>() },

  // Numbers pool
  'numbers:list': {
    input: z.strictObject({
      search: z.string().max(LIMITS.search).default(''),
      filter: z.enum(['all', 'free', 'assigned']).default('all'),
      ...paging,
    }),
    output: output<NumberPage>(),
  },
  'numbers:add': { input: z.strictObject({ number: typedNumber }), output: output<PhoneNumber>() },
  /** A base and a count: `+49 211 5558 0` and 10 give …80 to …89. */
  'numbers:addBlock': {
    input: z.strictObject({ base: typedNumber, count: z.number().int().min(1).max(LIMITS_MODEL.blockSize) }),
    output: output<PhoneNumber[]>(),
  },
  'numbers:assign': {
    input: z.strictObject({ number: typedNumber, target: targetSchema }),
    output: output<PhoneNumber>(),
  },
  'numbers:unassign': { input: z.strictObject({ number: typedNumber }), output: output<PhoneNumber>() },
  /** An assigned number needs `confirm` (it is unassigned first). */
  'numbers:remove': {
    input: z.strictObject({ number: typedNumber, confirm }),
    output: output<{ number: string }>(),
  },

  // Extensions
  'extensions:check': {
    input: z.strictObject({ extension: typedExtension }),
    output: output<ExtensionCheck>(),
  },
  'extensions:add': {
    input: z.strictObject({ owner: targetSchema, extension: typedExtension }),
    output: output<{ extension: string }>(),
  },
  'extensions:remove': {
    input: z.strictObject({ owner: targetSchema, extension: typedExtension }),
    output: output<{ extension: string }>(),
  },

  // Devices
  'devices:add': {
    input: z.strictObject({ userId: idSchema, device: newDeviceInput }),
    output: output<Device>(),
  },
  'devices:rename': { input: z.strictObject({ id: idSchema, name: label }), output: output<Device>() },
  /** The app cannot be removed on its own: it goes with the telephony permission. */
  'devices:remove': { input: z.strictObject({ id: idSchema }), output: output<{ id: string }>() },
  'devices:setActive': {
    input: z.strictObject({ id: idSchema, active: z.boolean() }),
    output: output<Device>(),
  },

  // Fax lines
  'fax:add': {
    input: z.strictObject({
      userId: idSchema,
      alias: label,
      number: typedNumber.nullable().default(null),
      send: z.boolean(),
      receive: z.boolean(),
    }),
    output: output<FaxLineView>(),
  },
  'fax:update': {
    input: z.strictObject({
      id: idSchema,
      alias: label.optional(),
      /** A number of the pool; null releases the line's number. */
      number: typedNumber.nullable().optional(),
      send: z.boolean().optional(),
      receive: z.boolean().optional(),
    }),
    output: output<FaxLineView>(),
  },
  'fax:remove': { input: z.strictObject({ id: idSchema }), output: output<{ id: string }>() },

  // Routing
  'routing:get': { input: z.strictObject({ userId: idSchema }), output: output<Routing>() },
  'routing:setVoicemail': {
    input: z.strictObject({ userId: idSchema, enabled: z.boolean(), timeoutSeconds: z.number().int() }),
    output: output<Routing>(),
  },

  // Locations
  'locations:list': { input: empty, output: output<LocationView[]>() },
  'locations:create': { input: locationInput, output: output<LocationView>() },
  'locations:update': {
    input: z.strictObject({ id: idSchema, ...locationInput.partial().shape }),
    output: output<LocationView>(),
  },
  'locations:usage': { input: z.strictObject({ id: idSchema }), output: output<LocationUsage>() },
  /** A location in use needs `confirm`; its users are then unassigned. */
  'locations:delete': { input: z.strictObject({ id: idSchema, confirm }), output: output<{ id: string }>() },

  // CSV (admins only)
  /** The users (all, or the list's current search and filters) as CSV: saved through the shell or returned. */
  'csv:export': { input: csvExportInput, output: output<CsvExportResult>() },
  /** A file arrives in base64 parts; with the last part main reads and checks it (the review). */
  'csv:importUpload': {
    input: csvImportUploadInput,
    output: output<{ importId: string; summary: ImportSummary | null }>(),
  },
  'csv:importRows': {
    input: csvImportRowsInput,
    output: output<{ total: number; offset: number; items: ImportRowView[] }>(),
  },
  /** Corrects a cell or excludes/includes a row; every row is checked again. */
  'csv:importEdit': {
    input: csvImportEditInput,
    output: output<{ summary: ImportSummary; row: ImportRowView }>(),
  },
  /** All or nothing, after a backup, as one change; refused while an included row has an error. */
  'csv:importCommit': { input: csvImportIdInput, output: output<ImportCommitResult>() },
  'csv:importDiscard': { input: csvImportIdInput, output: output<{ importId: string }>() },
} satisfies { [K in ChannelName]: ChannelSpec }

export type Contract = typeof contract
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends ChannelName> = Contract[C]['output']
