import { describe, expect, it } from 'vitest'
import { passwordHashSchema } from '../store/planFile'
import { SCRYPT_PARAMS, hashPassword, parseHash, verifyPassword } from './passwords'

/** Cheap parameters so the tests stay fast; one test below uses the real ones. */
const FAST = { N: 2 ** 10, r: 8, p: 1 }

describe('password hashes', () => {
  it('verify the right password and refuse a wrong one', async () => {
    const hash = await hashPassword('correct horse battery', FAST)
    expect(await verifyPassword('correct horse battery', hash)).toBe(true)
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false)
    expect(await verifyPassword('', hash)).toBe(false)
  })

  it('store the parameters, a 16-byte salt and the key as `scrypt$N$r$p$salt$hash` (base64)', async () => {
    const hash = await hashPassword('correct horse battery', FAST)
    expect(passwordHashSchema.safeParse(hash).success).toBe(true)
    const [scheme, n, r, p, salt, key] = hash.split('$')
    expect([scheme, n, r, p]).toEqual(['scrypt', '1024', '8', '1'])
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16)
    expect(Buffer.from(key!, 'base64')).toHaveLength(32)
    expect(hash).not.toContain('correct')
  })

  it('use a fresh random salt for every hash', async () => {
    const first = await hashPassword('same password', FAST)
    const second = await hashPassword('same password', FAST)
    expect(first).not.toBe(second)
    expect(parseHash(first)?.salt.equals(parseHash(second)!.salt)).toBe(false)
  })

  it('verify with the parameters stored in the hash, not the current defaults', async () => {
    const hash = await hashPassword('another password', { N: 2 ** 11, r: 4, p: 2 })
    expect(hash.startsWith('scrypt$2048$4$2$')).toBe(true)
    expect(await verifyPassword('another password', hash)).toBe(true)
  })

  it('treat the same text in another Unicode form as the same password', async () => {
    const composed = 'Pässwort123'.normalize('NFC')
    const decomposed = composed.normalize('NFD')
    expect(decomposed).not.toBe(composed)
    expect(await verifyPassword(decomposed, await hashPassword(composed, FAST))).toBe(true)
  })

  it('match nothing for an unreadable or tampered hash, without throwing', async () => {
    const hash = await hashPassword('correct horse battery', FAST)
    const [, , , , salt, key] = hash.split('$')
    for (const bad of [
      '',
      'plain text',
      hash.replace('scrypt$', 'bcrypt$'),
      `scrypt$1000$8$1$${salt}$${key}`, // N not a power of two
      `scrypt$${2 ** 30}$8$1$${salt}$${key}`, // would need gigabytes
      `scrypt$1024$0$1$${salt}$${key}`,
    ]) {
      expect(await verifyPassword('correct horse battery', bad)).toBe(false)
    }
  })

  it('use N=2^17, r=8, p=1 by default, stored with the hash, off the main thread', async () => {
    expect(SCRYPT_PARAMS).toEqual({ N: 131072, r: 8, p: 1 })
    // The event loop keeps running while the real (slow) hash is computed: it is asynchronous.
    let ticks = 0
    const timer = setInterval(() => (ticks += 1), 1)
    const hash = await hashPassword('correct horse battery')
    clearInterval(timer)
    expect(ticks).toBeGreaterThan(0)
    expect(hash.startsWith('scrypt$131072$8$1$')).toBe(true)
    expect(passwordHashSchema.safeParse(hash).success).toBe(true)
    expect(await verifyPassword('correct horse battery', hash)).toBe(true)
  }, 30_000)
})
