import { z } from 'zod'

/**
 * One change between two states of a plan, with the names a person reads captured at the time
 * (a user deleted later still reads "Ben Ott"). Made by `diffPlans` in main
 * (src/main/plan/planDiff.ts), kept in the plan's change history and shown by Compare plans.
 * Never carries password material: only that a password was set, changed or removed.
 */

const id = z.string().min(1).max(64)
/** A name as captured (user's full name, fax alias, location or device name). */
const name = z.string().max(201)
const number = z.string().max(20)
const extension = z.string().max(10)

/** Who a number or extension belonged to, with the name a person reads. */
export const namedOwnerSchema = z.strictObject({
  kind: z.enum(['user', 'fax']),
  id,
  name,
})
export type NamedOwner = z.infer<typeof namedOwnerSchema>

const user = { userId: id, userName: name }

export const userTextFields = ['email', 'language'] as const
export const permissionNames = ['telephony', 'fax'] as const
export const settingFields = ['name', 'country', 'currency', 'extraDevicePrice'] as const
export const faxFields = ['alias', 'send', 'receive'] as const
export const deviceFields = ['model', 'mac', 'number'] as const

export const planChangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('userAdded'), ...user }),
  z.strictObject({ kind: z.literal('userRemoved'), ...user }),
  /** `userName` is the new name; `from` the old one. */
  z.strictObject({ kind: z.literal('userRenamed'), ...user, from: name }),
  z.strictObject({
    kind: z.literal('userField'),
    ...user,
    field: z.enum(userTextFields),
    from: z.string().max(254),
    to: z.string().max(254),
  }),
  z.strictObject({ kind: z.literal('userAdmin'), ...user, admin: z.boolean() }),
  z.strictObject({
    kind: z.literal('userPermission'),
    ...user,
    permission: z.enum(permissionNames),
    on: z.boolean(),
  }),
  /** Location names at the time; null = none. */
  z.strictObject({ kind: z.literal('userLocation'), ...user, from: name.nullable(), to: name.nullable() }),
  z.strictObject({ kind: z.literal('userPassword'), ...user, action: z.enum(['set', 'changed', 'removed']) }),
  z.strictObject({
    kind: z.literal('voicemail'),
    ...user,
    enabled: z.boolean(),
    timeoutSeconds: z.number().int().min(0).max(100_000),
  }),
  z.strictObject({ kind: z.literal('numberAdded'), number }),
  z.strictObject({ kind: z.literal('numberRemoved'), number, from: namedOwnerSchema.nullable() }),
  z.strictObject({ kind: z.literal('numberAssigned'), number, to: namedOwnerSchema }),
  z.strictObject({ kind: z.literal('numberReleased'), number, from: namedOwnerSchema }),
  z.strictObject({ kind: z.literal('numberMoved'), number, from: namedOwnerSchema, to: namedOwnerSchema }),
  z.strictObject({ kind: z.literal('extensionAdded'), extension, owner: namedOwnerSchema }),
  z.strictObject({ kind: z.literal('extensionRemoved'), extension, owner: namedOwnerSchema }),
  z.strictObject({
    kind: z.literal('extensionMoved'),
    extension,
    from: namedOwnerSchema,
    to: namedOwnerSchema,
  }),
  z.strictObject({
    kind: z.literal('deviceAdded'),
    ...user,
    deviceId: id,
    deviceType: z.enum(['voip', 'mobile', 'external', 'app']),
    name,
  }),
  z.strictObject({
    kind: z.literal('deviceRemoved'),
    ...user,
    deviceId: id,
    deviceType: z.enum(['voip', 'mobile', 'external', 'app']),
    name,
  }),
  z.strictObject({ kind: z.literal('deviceRenamed'), ...user, deviceId: id, from: name, to: name }),
  z.strictObject({ kind: z.literal('deviceActive'), ...user, deviceId: id, name, active: z.boolean() }),
  z.strictObject({
    kind: z.literal('deviceChanged'),
    ...user,
    deviceId: id,
    name,
    fields: z.array(z.enum(deviceFields)).max(deviceFields.length),
  }),
  z.strictObject({ kind: z.literal('faxAdded'), ...user, faxId: id, alias: name }),
  z.strictObject({ kind: z.literal('faxRemoved'), ...user, faxId: id, alias: name }),
  /** `alias` is the new alias; `fields` what changed; `send`/`receive` the new directions. */
  z.strictObject({
    kind: z.literal('faxChanged'),
    ...user,
    faxId: id,
    alias: name,
    fromAlias: name,
    fields: z.array(z.enum(faxFields)).max(faxFields.length),
    send: z.boolean(),
    receive: z.boolean(),
  }),
  z.strictObject({ kind: z.literal('locationAdded'), locationId: id, name }),
  z.strictObject({ kind: z.literal('locationRemoved'), locationId: id, name }),
  z.strictObject({ kind: z.literal('locationRenamed'), locationId: id, from: name, to: name }),
  /** The address (street, house number, postcode, city, country) changed. */
  z.strictObject({ kind: z.literal('locationAddress'), locationId: id, name }),
  z.strictObject({
    kind: z.literal('setting'),
    field: z.enum(settingFields),
    from: z.string().max(201),
    to: z.string().max(201),
  }),
])
export type PlanChange = z.infer<typeof planChangeSchema>
export type PlanChangeKind = PlanChange['kind']
