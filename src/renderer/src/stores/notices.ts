import { defineStore } from 'pinia'
import { ref } from 'vue'

/**
 * Short confirmations and refusals that belong to no field ("Anna Schmidt was added", "Saving
 * failed: …"), shown by the one snackbar in App.vue. A new notice replaces the one on screen.
 */
export const useNoticesStore = defineStore('notices', () => {
  const text = ref('')
  const tone = ref<'info' | 'error'>('info')
  const visible = ref(false)

  function show(message: string, kind: 'info' | 'error' = 'info'): void {
    text.value = message
    tone.value = kind
    visible.value = true
  }

  return { text, tone, visible, show }
})
