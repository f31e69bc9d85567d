import { fail, ok } from '../../shared/result'
import type { Result } from '../../shared/result'
import type { LocationView, Location } from '../../shared/domain'
import { write } from '../handlers'
import type { HandlerContext, Handlers } from '../handlers'
import { actorOf } from '../rights'
import { t } from './locationsMessages'
import {
  createLocation,
  deleteLocation,
  listLocations,
  locationUsage,
  toLocationView,
  updateLocation,
} from './locationsService'

/** The location as it is now saved, with its user count. */
function savedView(context: HandlerContext, changed: Result<Location>): Result<LocationView> {
  if (!changed.ok) return changed
  const saved = context.store.plan.locations.find((location) => location.id === changed.data.id)
  return saved
    ? ok(toLocationView(context.store.plan, saved))
    : fail('not_found', t(context.session.language, 'location.notFound'))
}

export const locationsHandlers: Handlers<
  'locations:list' | 'locations:create' | 'locations:update' | 'locations:usage' | 'locations:delete'
> = {
  'locations:list': (_input, { store }) => ok(listLocations(store.plan)),
  'locations:create': async (input, context) =>
    savedView(context, await write(context, createLocation, input)),
  'locations:update': async (input, context) =>
    savedView(context, await write(context, updateLocation, input)),
  'locations:usage': ({ id }, context) => locationUsage(context.store.plan, actorOf(context), id),
  'locations:delete': (input, context) => write(context, deleteLocation, input),
}
