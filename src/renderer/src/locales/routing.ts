export const routingEn = {
  title: 'Routing',
  loadFailed: 'The routing could not be loaded: {message}',
  summary: {
    numbers: 'No phone number reaches {name}. | Reached at {list}.',
    extensions: 'No extension. | Extension {list}. | Extensions {list}.',
    devices: 'No device rings. | Rings on {list}.',
    voicemail: 'Voicemail is off.',
    voicemailAfter: 'Voicemail answers after {seconds} seconds.',
    complete: '{name} can make and take calls.',
  },
}

export const routingDe: typeof routingEn = {
  title: 'Routing',
  loadFailed: 'Das Routing konnte nicht geladen werden: {message}',
  summary: {
    numbers: '{name} ist unter keiner Rufnummer erreichbar. | Erreichbar unter {list}.',
    extensions: 'Keine Durchwahl. | Durchwahl {list}. | Durchwahlen {list}.',
    devices: 'Kein Gerät klingelt. | Es klingelt auf {list}.',
    voicemail: 'Die Mailbox ist aus.',
    voicemailAfter: 'Die Mailbox antwortet nach {seconds} Sekunden.',
    complete: '{name} kann telefonieren.',
  },
}
