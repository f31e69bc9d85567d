import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { Language } from '@shared/domain'
import { isLanguage } from '../constants'

export type ThemeChoice = 'light' | 'dark' | 'system'

const LANGUAGE_KEY = 'switchboard.language'
const THEME_KEY = 'switchboard.theme'

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key)
  } catch {
    return null
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value)
  } catch {
    // Storage can be unavailable (private mode, quota); the choice then lasts for this session.
  }
}

/** The saved language, else the system's: German for any `de-*`, English otherwise. */
export function initialLanguage(): Language {
  const saved = read(LANGUAGE_KEY)
  if (isLanguage(saved)) return saved
  return navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en'
}

/** The saved theme, else follow the system (prefers-color-scheme). */
export function initialTheme(): ThemeChoice {
  const saved = read(THEME_KEY)
  return saved === 'light' || saved === 'dark' ? saved : 'system'
}

/** The person's display choices; they persist in localStorage. Applying them is App.vue's job. */
export const usePreferencesStore = defineStore('preferences', () => {
  const language = ref<Language>(initialLanguage())
  const theme = ref<ThemeChoice>(initialTheme())

  watch(language, (value) => write(LANGUAGE_KEY, value))
  watch(theme, (value) => write(THEME_KEY, value))

  function setLanguage(value: Language): void {
    language.value = value
  }

  function setTheme(value: ThemeChoice): void {
    theme.value = value
  }

  return { language, theme, setLanguage, setTheme }
})
