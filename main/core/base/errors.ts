import { databaseCondition } from './db-conditions.ts'

/**
 * Every error a user can see carries a stable code and a message in Vietnamese and
 * English, so the CLI, the IPC layer and the UI all show the same words.
 */
export interface BilingualMessage {
  vi: string
  en: string
}

export class VaxError extends Error {
  readonly code: string
  readonly vi: string
  readonly en: string
  readonly details: unknown

  constructor(code: string, msg: BilingualMessage, details?: unknown) {
    super(`${msg.vi} / ${msg.en}`)
    this.name = 'VaxError'
    this.code = code
    this.vi = msg.vi
    this.en = msg.en
    this.details = details
  }
}

/** Raised inside a job when the user cancels; the job's transaction rolls back. */
export class JobCancelledError extends VaxError {
  constructor() {
    super('JOB_CANCELLED', { vi: 'Đã huỷ tác vụ.', en: 'The job was cancelled.' })
    this.name = 'JobCancelledError'
  }
}

export interface SerializedError {
  code: string
  vi: string
  en: string
  details?: unknown
}

/**
 * Unknown errors are reported by code only: their messages may quote file contents
 * (and so personal data), which must not reach logs or the screen unfiltered.
 */
export function serializeError(err: unknown): SerializedError {
  const known = asVaxError(err)
  if (known) {
    return known.details === undefined
      ? { code: known.code, vi: known.vi, en: known.en }
      : { code: known.code, vi: known.vi, en: known.en, details: known.details }
  }
  return {
    code: 'INTERNAL',
    vi: 'Lỗi nội bộ. Không có thay đổi nào được lưu.',
    en: 'Internal error. No change was saved.'
  }
}

/** A VaxError as it is, a database condition (busy, full disk, read-only, damaged) as one; anything else null. */
export function asVaxError(err: unknown): VaxError | null {
  if (err instanceof VaxError) return err
  const c = databaseCondition(err)
  return c ? new VaxError(c.code, c, { sqlite: c.sqlite }) : null
}

export function reviveError(e: SerializedError): VaxError {
  return new VaxError(e.code, { vi: e.vi, en: e.en }, e.details)
}
