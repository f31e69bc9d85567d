import type { Session } from 'electron'

/** The app needs no camera, microphone, notifications, … : every request and check is denied (RELIABILITY.md 12). */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}
