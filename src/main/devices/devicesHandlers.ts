import type { Handlers } from '../handlers'
import { actorOf } from '../rights'
import { addDevice, removeDevice, renameDevice, setDeviceActive } from './devicesService'

export const devicesHandlers: Handlers<
  'devices:add' | 'devices:rename' | 'devices:remove' | 'devices:setActive'
> = {
  'devices:add': (input, context) =>
    context.store.update(context.session.language, (draft) => addDevice(draft, actorOf(context), input)),
  'devices:rename': (input, context) =>
    context.store.update(context.session.language, (draft) => renameDevice(draft, actorOf(context), input)),
  'devices:remove': (input, context) =>
    context.store.update(context.session.language, (draft) => removeDevice(draft, actorOf(context), input)),
  'devices:setActive': (input, context) =>
    context.store.update(context.session.language, (draft) =>
      setDeviceActive(draft, actorOf(context), input),
    ),
}
