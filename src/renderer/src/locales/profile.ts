/** Strings of the user profile and My Telephony. vue-i18n syntax: `{name}` is a parameter. */
export const profileEn = {
  title: 'User profile',
}

export const profileDe: typeof profileEn = {
  title: 'Benutzerprofil',
}
