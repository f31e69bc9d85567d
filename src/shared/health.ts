/* Types only (and plain constants): the renderer imports this file; no zod here. */
import type { RoutingGap, UserCost } from './domain'

/** How many items each topic of the plan health lists (the count covers all of them). */
export const HEALTH_ITEMS = 20

/** A user as the health overview names them. */
export interface HealthUser {
  id: string
  /** First and last name. */
  name: string
  email: string
}

/** One topic: how many there are, and the first `HEALTH_ITEMS` of them. */
export interface HealthTopic<T> {
  total: number
  items: T[]
}

/** A number of the pool, formatted as a person reads it. */
export interface HealthNumber {
  number: string
  national: string
  international: string
}

/**
 * The whole plan at a glance (`plan:health`): what keeps users from making calls, numbers nobody
 * has, users without a location, and the devices that cost extra each month.
 */
export interface PlanHealth {
  /** Users in the plan. */
  users: number
  /** Users whose routing is incomplete (same rule as the users list filter), by name. */
  routingIncomplete: HealthTopic<HealthUser & { missing: RoutingGap[] }>
  /** Pool numbers assigned to nobody, in pool order. */
  freeNumbers: HealthTopic<HealthNumber>
  /** Users without a location, by name; `locations` = locations the plan has (0: create one first). */
  withoutLocation: HealthTopic<HealthUser> & { locations: number }
  /** Users with extra devices (costliest first); totals for the whole plan. */
  extraDevices: HealthTopic<HealthUser & UserCost> & {
    extraDevices: number
    monthlyCost: number
    currency: 'EUR'
    extraDevicePrice: number
  }
}
