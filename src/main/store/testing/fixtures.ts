import * as fsp from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

export const fixtureNames = [
  'valid-v1',
  'valid-v2',
  'valid-v3',
  'empty',
  'truncated',
  'nul-filled',
  'not-json',
  'schema-invalid',
  'duplicate-email',
  'no-version',
  'string-version',
  'newer-v99',
  'chain-v2-without-price',
  'dangling-number',
] as const
export type FixtureName = (typeof fixtureNames)[number]

/** Absolute path of a plan file fixture in `../__fixtures__` (see its README). */
export const fixturePath = (name: FixtureName): string =>
  fileURLToPath(new URL(`../__fixtures__/${name}.fixture`, import.meta.url))

export const readFixture = (name: FixtureName): Promise<Buffer> => fsp.readFile(fixturePath(name))
