import { write } from '../handlers'
import type { Handlers } from '../handlers'
import { addDevice, removeDevice, renameDevice, setDeviceActive } from './devicesService'

export const devicesHandlers: Handlers<
  'devices:add' | 'devices:rename' | 'devices:remove' | 'devices:setActive'
> = {
  'devices:add': (input, context) => write(context, addDevice, input),
  'devices:rename': (input, context) => write(context, renameDevice, input),
  'devices:remove': (input, context) => write(context, removeDevice, input),
  'devices:setActive': (input, context) => write(context, setDeviceActive, input),
}
