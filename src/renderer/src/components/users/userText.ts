import { useI18n } from 'vue-i18n'

/** "Anna Schmidt". */
export const fullName = (user: { firstName: string; lastName: string }): string =>
  `${user.firstName} ${user.lastName}`

/** Joins items as a sentence in the UI language: "a phone number and an active device". */
export function useListFormat(): (items: string[]) => string {
  const { locale } = useI18n()
  return (items) => new Intl.ListFormat(locale.value, { style: 'long', type: 'conjunction' }).format(items)
}
