import type { z } from 'zod'
import { jobChannels, jobEvents, SerializedError } from './channels/jobs.ts'
import { workspaceChannels } from './channels/workspace.ts'
import { importChannels } from './channels/import.ts'
import { reviewChannels } from './channels/review.ts'
import { complaintChannels } from './channels/complaints.ts'
import { userChannels } from './channels/users.ts'
import { approveChannels } from './channels/approve.ts'
import { exportChannels } from './channels/export.ts'
import { reportChannels } from './channels/reports.ts'
import { linkChannels } from './channels/link.ts'

/**
 * The one IPC contract: channel → zod request → zod response. Main validates every
 * request and response against it; preload exposes exactly these channels; the
 * renderer's client is typed from it.
 *
 * Everything imported here must be pure zod: the sandboxed preload bundles this file.
 */
export const contract = {
  ...workspaceChannels,
  ...jobChannels,
  ...importChannels,
  ...reviewChannels,
  ...complaintChannels,
  ...userChannels,
  ...approveChannels,
  ...exportChannels,
  ...reportChannels,
  ...linkChannels
} as const

/** Events main pushes to the renderer. */
export const events = {
  ...jobEvents
} as const

export type Channel = keyof typeof contract
export type EventName = keyof typeof events
export type Req<K extends Channel> = z.input<(typeof contract)[K]['request']>
export type ParsedReq<K extends Channel> = z.output<(typeof contract)[K]['request']>
export type Res<K extends Channel> = z.output<(typeof contract)[K]['response']>
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>
export type IpcError = z.output<typeof SerializedError>
export type { JobKind } from '../core/jobs/requests.ts'
export type { JobResults } from '../core/jobs/results.ts'
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError }

export const CHANNELS = Object.keys(contract) as Channel[]
export const EVENT_NAMES = Object.keys(events) as EventName[]

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name)
}

/**
 * Preload's private message to main: the real path of a file the user dropped on the
 * window (from webUtils, which gives a page-made File no path), so main grants it for
 * import. It is not a contract channel: the page cannot name a path through it.
 */
export const DROPPED_FILE_MESSAGE = 'vaxrecon:file-dropped'

/** The shape preload puts on window.vaxrecon, and the e2e harness imitates. */
export interface VaxreconBridge {
  invoke<K extends Channel>(channel: K, request: Req<K>): Promise<IpcResult<Res<K>>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
  /** The file-system path of a file dropped on the window (Electron's webUtils; the sandbox hides File.path); main may then import it. */
  pathForFile(file: File): string
}
