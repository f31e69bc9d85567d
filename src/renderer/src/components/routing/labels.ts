import {
  mdiAccountCircleOutline,
  mdiAlertOutline,
  mdiApplicationOutline,
  mdiCellphone,
  mdiDialpad,
  mdiPhoneForward,
  mdiPhoneOutline,
  mdiPhoneVoip,
  mdiVoicemail,
} from '@mdi/js'
import type { Device } from '@shared/domain'

/** The icon of each device type, shared by the diagram and the devices list. */
export const deviceIcons: Record<Device['type'], string> = {
  app: mdiApplicationOutline,
  voip: mdiPhoneVoip,
  mobile: mdiCellphone,
  external: mdiPhoneForward,
}

export const routingIcons = {
  number: mdiPhoneOutline,
  extension: mdiDialpad,
  user: mdiAccountCircleOutline,
  voicemail: mdiVoicemail,
  missing: mdiAlertOutline,
} as const

/** Which devices cost the extra-device price: the third counted device (not the app) and after. */
export function extraCostIds(devices: readonly Device[]): Set<string> {
  return new Set(
    devices
      .filter((device) => device.type !== 'app')
      .slice(2)
      .map((device) => device.id),
  )
}
