import { CURRENT_SCHEMA_VERSION } from './planFile'
import { v1ToV2 } from './migrations.v2'
import { v2ToV3 } from './migrations.v3'

/**
 * One ordered chain of pure steps: step `n` turns a version-`n` document into version `n + 1`.
 * Steps never touch files; the store backs the file up before it runs any of them.
 */
export interface Migration {
  from: number
  migrate(document: Record<string, unknown>): Record<string, unknown>
}

/** Every step, in order. Add each new step at the end. */
export const migrations: readonly Migration[] = [v1ToV2, v2ToV3]

export type VersionCheck =
  | { kind: 'current' }
  | { kind: 'older'; version: number }
  | { kind: 'newer'; version: number }
  | { kind: 'unknown' }

export function checkVersion(document: unknown, current = CURRENT_SCHEMA_VERSION): VersionCheck {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return { kind: 'unknown' }
  const version = (document as { schemaVersion?: unknown }).schemaVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { kind: 'unknown' }
  if (version === current) return { kind: 'current' }
  return version > current ? { kind: 'newer', version } : { kind: 'older', version }
}

/** Runs the chain from the document's version up to `target`. Idempotent on a current document. */
export function migrateDocument(
  document: Record<string, unknown>,
  chain: readonly Migration[] = migrations,
  target = CURRENT_SCHEMA_VERSION,
): Record<string, unknown> {
  let current = document
  let version = current.schemaVersion as number
  while (version < target) {
    const step = chain.find((migration) => migration.from === version)
    if (!step) throw new Error(`No migration from schema version ${version}`)
    // Each step gets its own copy, so the caller's document stays as it was whatever a step does.
    current = { ...step.migrate(structuredClone(current)), schemaVersion: version + 1 }
    version += 1
  }
  return current
}
