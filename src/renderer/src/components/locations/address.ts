import type { Location } from '@shared/domain'
import { countryName } from './countries'

/** The address lines as a person writes them: "Königsallee 1", "40212 Düsseldorf", "Germany". */
export function addressLines(location: Location, locale: string): string[] {
  const street = [location.street, location.houseNumber].filter((part) => part !== '').join(' ')
  const town = [location.postcode, location.city].filter((part) => part !== '').join(' ')
  return [street, town, countryName(location.country, locale)].filter((line) => line !== '')
}
