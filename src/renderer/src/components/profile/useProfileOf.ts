import { computed, watch } from 'vue'
import { useProfileStore } from '../../stores/profile'
import { useSessionStore } from '../../stores/session'

/**
 * A panel of a user's profile: loads that user into the profile store (unless it is there
 * already) and says what the acting user may do with it. Main enforces the same rights.
 */
export function useProfileOf(userId: () => string) {
  const profile = useProfileStore()
  const session = useSessionStore()

  watch(
    userId,
    (id) => {
      if (profile.userId !== id || !profile.detail) void profile.load(id)
    },
    { immediate: true },
  )

  const detail = computed(() => (profile.userId === userId() ? profile.detail : null))
  const isAdmin = computed(() => session.actingUser?.admin === true)
  const isSelf = computed(() => session.actingUser?.id === userId())
  /** Admins change anyone, a user only itself; nobody while the plan is open read-only. */
  const editable = computed(() => !session.readOnly && (isAdmin.value || isSelf.value))

  return { profile, session, detail, isAdmin, isSelf, editable }
}
