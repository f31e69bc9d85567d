/**
 * The rules for internal extensions (DOMAIN.md): 2–4 digits, and none of sipgate's blocked
 * ranges, neither as the whole extension nor as its start. Pure: used by the invariant check of
 * every saved plan and by the extensions service, which turns a rule into a message.
 */
export type ExtensionRule =
  | 'digits' // only digits, 2 to 4 of them
  | 'emergency' // 110–119
  | 'service' // 211, 311, …, 911
  | 'emergency999' // 999
  | 'reserved99' // 9900–9999

export function extensionRuleBroken(extension: string): ExtensionRule | null {
  if (!/^\d{2,4}$/.test(extension)) return 'digits'
  if (/^11\d/.test(extension)) return 'emergency'
  if (/^[2-9]11/.test(extension)) return 'service'
  if (extension.startsWith('999')) return 'emergency999'
  if (/^99\d\d$/.test(extension)) return 'reserved99'
  return null
}

/**
 * The next usable extensions after `from` (or from 10), same length first, skipping taken and
 * blocked ones. Cost: proportional to how many it has to skip, not to the plan's size. `taken` is
 * anything that answers `has` (a Set, or planIndex's extension → owner Map as it is).
 */
export function suggestExtensions(
  taken: { has(extension: string): boolean },
  from: string | null,
  count = 5,
): string[] {
  const suggestions: string[] = []
  const start = from !== null && /^\d{2,4}$/.test(from) ? Number(from) : 10
  const width = from !== null && /^\d{2,4}$/.test(from) ? from.length : 2
  for (let length = width; length <= 4 && suggestions.length < count; length++) {
    const first = length === width ? start : 10 ** (length - 1)
    for (let value = first; value < 10 ** length && suggestions.length < count; value++) {
      const candidate = String(value).padStart(length, '0')
      if (candidate === from) continue
      if (!taken.has(candidate) && extensionRuleBroken(candidate) === null) suggestions.push(candidate)
    }
  }
  return suggestions
}
