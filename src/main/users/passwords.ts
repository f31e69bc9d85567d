import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import type { ScryptOptions } from 'node:crypto'
import { passwordHashSchema } from '../store/planFile'

/**
 * Password hashing (RELIABILITY.md 18): scrypt with N=2^17, r=8, p=1, a 16-byte random salt, the
 * parameters stored with the hash as `scrypt$N$r$p$salt$hash` (base64), compared with
 * timingSafeEqual. Always the asynchronous scrypt: it runs on libuv's thread pool, never blocking
 * the main process. Hashes never leave main.
 */
export interface ScryptParams {
  N: number
  r: number
  p: number
}

/** OWASP's recommendation for scrypt; what every new hash uses outside tests. */
export const SCRYPT_PARAMS: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 17, r: 8, p: 1 })

const SALT_BYTES = 16
const KEY_BYTES = 32
/** The largest parameters a stored hash may ask for (a tampered file must not exhaust memory). */
const MAX_N = 2 ** 20
const MAX_R = 32
const MAX_P = 16

/** scrypt needs about 128·N·r bytes; Node's default limit (32 MiB) is too small for N=2^17, r=8. */
const maxmemFor = ({ N, r }: ScryptParams): number =>
  Math.max(256 * 1024 * 1024, 128 * N * r + 32 * 1024 * 1024)

function derive(password: string, salt: Buffer, keyBytes: number, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: maxmemFor(params) }
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyBytes, options, (error, key) => {
      if (error) reject(error)
      else resolve(key)
    })
  })
}

const validParams = ({ N, r, p }: ScryptParams): boolean =>
  Number.isSafeInteger(N) &&
  N >= 2 &&
  N <= MAX_N &&
  (N & (N - 1)) === 0 &&
  Number.isSafeInteger(r) &&
  r >= 1 &&
  r <= MAX_R &&
  Number.isSafeInteger(p) &&
  p >= 1 &&
  p <= MAX_P

/** Hashes a password (NFC-normalised) with a fresh random salt. */
export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<string> {
  if (!validParams(params)) throw new Error('Invalid scrypt parameters')
  const salt = randomBytes(SALT_BYTES)
  const key = await derive(password, salt, KEY_BYTES, params)
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`
}

export interface ParsedHash extends ScryptParams {
  salt: Buffer
  key: Buffer
}

/** Reads a stored hash; null when it is not one this version can check. */
export function parseHash(stored: string): ParsedHash | null {
  if (!passwordHashSchema.safeParse(stored).success) return null
  const [, n, r, p, salt, key] = stored.split('$')
  const params = { N: Number(n), r: Number(r), p: Number(p) }
  if (!validParams(params) || salt === undefined || key === undefined) return null
  const saltBytes = Buffer.from(salt, 'base64')
  const keyBytes = Buffer.from(key, 'base64')
  if (saltBytes.length < SALT_BYTES || keyBytes.length < 16) return null
  return { ...params, salt: saltBytes, key: keyBytes }
}

/**
 * Whether `password` matches the stored hash, with the parameters stored in it. A hash that cannot
 * be read matches nothing (never throws for a bad password or a bad hash).
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored)
  if (!parsed) return false
  let key: Buffer
  try {
    key = await derive(password, parsed.salt, parsed.key.length, parsed)
  } catch {
    return false
  }
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key)
}
