/** Expected failures are values, not exceptions: Electron drops custom error properties across `invoke`. */
export const errorCodes = [
  'validation',
  'conflict',
  'forbidden',
  'not_found',
  'read_only',
  'storage',
  'internal',
] as const
export type ErrorCode = (typeof errorCodes)[number]

export interface AppError {
  code: ErrorCode
  /** A sentence for people, in the UI language. */
  message: string
  /** The input field the error belongs to, when there is one (e.g. `email`). */
  field?: string
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError }

export const ok = <T>(data: T): Result<T> => ({ ok: true, data })
export const fail = (code: ErrorCode, message: string, field?: string): { ok: false; error: AppError } =>
  field === undefined
    ? { ok: false, error: { code, message } }
    : { ok: false, error: { code, message, field } }
