import 'vuetify/styles'
import { createVuetify } from 'vuetify'
import type { ThemeDefinition } from 'vuetify'
import { aliases, mdi } from 'vuetify/iconsets/mdi-svg'
import { de, en } from 'vuetify/locale'
import { initialLanguage, initialTheme } from '../stores/preferences'

// A calm teal-blue, close to sipgate team's, with neutral surfaces.
const light: ThemeDefinition = {
  dark: false,
  colors: {
    primary: '#0a6e8a',
    secondary: '#46616d',
    background: '#f4f7f9',
    surface: '#ffffff',
    'surface-bright': '#ffffff',
    'surface-light': '#eef2f4',
    // Vuetify uses the variant pair as an inverse surface (tooltips).
    'surface-variant': '#2f3a40',
    'on-surface-variant': '#eef2f4',
    error: '#b3261e',
    success: '#2e7d32',
    warning: '#8a5a00',
    info: '#0a6e8a',
  },
  // Vuetify's 0.6 leaves field labels and secondary text below WCAG AA contrast (axe: 4.2:1).
  variables: { 'medium-emphasis-opacity': 0.72 },
}

const dark: ThemeDefinition = {
  dark: true,
  colors: {
    primary: '#6cc9e3',
    secondary: '#a9c4cf',
    background: '#0f1518',
    surface: '#172026',
    'surface-bright': '#c3ccd1',
    'surface-light': '#2a353c',
    'surface-variant': '#d5dee3',
    'on-surface-variant': '#1a2227',
    error: '#f2b8b5',
    success: '#8fd19a',
    warning: '#f0c36b',
    info: '#6cc9e3',
  },
  variables: { 'medium-emphasis-opacity': 0.76 },
}

export const vuetify = createVuetify({
  icons: { defaultSet: 'mdi', aliases, sets: { mdi } },
  locale: { locale: initialLanguage(), fallback: 'en', messages: { de, en } },
  theme: { defaultTheme: initialTheme(), themes: { light, dark } },
  defaults: {
    VTextField: { variant: 'outlined', density: 'comfortable' },
    VSelect: { variant: 'outlined', density: 'comfortable' },
    VBtn: { rounded: 'lg' },
    VCard: { rounded: 'lg' },
    VSwitch: { color: 'primary', inset: true, density: 'compact' },
  },
})
