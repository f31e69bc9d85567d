import type { Migration } from './migrations'

/**
 * Version 1 → 2: the account model. Users get no password and voicemail off after 30 s; the plan
 * gets an empty numbers pool, extensions, fax lines and locations; every user with telephony gets
 * the app device (DOMAIN.md: every user with telephony has one).
 */
export const v1ToV2: Migration = {
  from: 1,
  migrate(document) {
    const users = Array.isArray(document.users) ? (document.users as Record<string, unknown>[]) : []
    const devices: Record<string, unknown>[] = []
    const migratedUsers = users.map((user) => {
      const permissions = user.permissions as { telephony?: unknown } | undefined
      if (permissions?.telephony === true && typeof user.id === 'string') {
        devices.push({
          // Deterministic, so running the step twice on the same document gives the same result.
          id: `app-${user.id}`.slice(0, 64),
          userId: user.id,
          type: 'app',
          name: user.language === 'en' ? 'Softphone app' : 'Softphone-App',
          active: true,
        })
      }
      return { ...user, passwordHash: null, voicemail: { enabled: false, timeoutSeconds: 30 } }
    })
    return {
      ...document,
      users: migratedUsers,
      numbers: [],
      extensions: [],
      devices,
      faxLines: [],
      locations: [],
    }
  },
}
