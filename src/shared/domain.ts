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

export interface UserPage {
  /** Users matching the search, before paging. */
  total: number
  /** Users in the whole plan. */
  planTotal: number
  offset: number
  items: User[]
}

export type ReadOnlyReason = 'newer_version' | 'no_write_permission'

/** What happened when the plan was opened; shown to the person as a banner. */
export interface PlanStatus {
  path: string
  accountName: string
  readOnly: ReadOnlyReason | null
  /** Set when the plan file was unreadable and was moved aside. */
  recovery: {
    keptAs: string
    restoredFrom: string | null
  } | null
}
