import { z } from 'zod'
import type { ChannelName } from './channels'
import { LIMITS, languages, permissionsSchema, userSortKeys } from './domain'
import type { PlanStatus, User, UserPage } from './domain'

/** Marks a channel's output type; carries no runtime value. */
const output = <T>(): T => undefined as T

interface ChannelSpec {
  input: z.ZodType
  output: unknown
}

const idSchema = z.string().min(1).max(64)

export const createUserInput = z.strictObject({
  firstName: z.string().max(LIMITS.name),
  lastName: z.string().max(LIMITS.name),
  email: z.string().max(LIMITS.email),
  language: z.enum(languages),
  admin: z.boolean(),
  permissions: permissionsSchema,
})
export type CreateUserInput = z.infer<typeof createUserInput>

export const listUsersInput = z.strictObject({
  search: z.string().max(LIMITS.search).default(''),
  sort: z.enum(userSortKeys).default('name'),
  descending: z.boolean().default(false),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(LIMITS.pageSize).default(50),
})
export type ListUsersInput = z.input<typeof listUsersInput>

/** The one typed contract: main, preload, bridge and renderer all derive from it. */
export const contract = {
  'app:status': { input: z.strictObject({}), output: output<PlanStatus>() },
  'app:setLanguage': {
    input: z.strictObject({ language: z.enum(languages) }),
    output: output<null>(),
  },
  'session:actingUser': { input: z.strictObject({}), output: output<User>() },
  'users:list': { input: listUsersInput, output: output<UserPage>() },
  'users:create': { input: createUserInput, output: output<User>() },
  'users:delete': { input: z.strictObject({ id: idSchema }), output: output<{ id: string }>() },
} satisfies { [K in ChannelName]: ChannelSpec }

export type Contract = typeof contract
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends ChannelName> = Contract[C]['output']
