/** Strings of the Plan settings screen and its cost summary. */
export const planEn = {
  title: 'Plan settings',
  subtitle: 'The account’s name, country and prices',
  form: {
    title: 'Account',
    name: 'Account name',
    country: 'Country',
    countryHint: 'Numbers typed without + are read as numbers of this country.',
    price: 'Price per extra device',
    priceHint: 'Per device and month, from the third device of a user',
    priceInvalid: 'Enter a price as a number, e.g. {example}.',
    save: 'Save',
    saved: 'The plan settings were saved.',
    readOnlyHint: 'Only admins can change the plan settings.',
    loadFailed: 'The plan settings could not be loaded: {message}',
    retry: 'Try again',
  },
  cost: {
    title: 'Monthly cost',
    users: 'Users',
    countedDevices: 'Counted devices',
    extraDevices: 'Extra devices',
    monthly: 'Extra cost per month',
    explanation:
      'From the third device per user (the app does not count), each further device costs {price} per month.',
    loadFailed: 'The cost could not be calculated: {message}',
  },
}

export const planDe: typeof planEn = {
  title: 'Planeinstellungen',
  subtitle: 'Name, Land und Preise des Kontos',
  form: {
    title: 'Konto',
    name: 'Kontoname',
    country: 'Land',
    countryHint: 'Rufnummern ohne + werden als Nummern dieses Landes gelesen.',
    price: 'Preis je weiteres Gerät',
    priceHint: 'Je Gerät und Monat, ab dem dritten Gerät eines Benutzers',
    priceInvalid: 'Geben Sie den Preis als Zahl ein, z. B. {example}.',
    save: 'Speichern',
    saved: 'Die Planeinstellungen wurden gespeichert.',
    readOnlyHint: 'Nur Admins können die Planeinstellungen ändern.',
    loadFailed: 'Die Planeinstellungen konnten nicht geladen werden: {message}',
    retry: 'Erneut versuchen',
  },
  cost: {
    title: 'Monatliche Kosten',
    users: 'Benutzer',
    countedDevices: 'Gezählte Geräte',
    extraDevices: 'Weitere Geräte',
    monthly: 'Zusatzkosten pro Monat',
    explanation:
      'Ab dem dritten Gerät je Benutzer (die App zählt nicht) kostet jedes weitere Gerät {price} pro Monat.',
    loadFailed: 'Die Kosten konnten nicht berechnet werden: {message}',
  },
}
