import type { Channel, EventName, EventPayload, IpcError, Req, Res, VaxreconBridge } from '../../../main/ipc/contract.ts'

declare global {
  interface Window {
    vaxrecon: VaxreconBridge
  }
}

/** A failed call, with the bilingual message main sent. */
export class ApiError extends Error {
  readonly code: string
  readonly vi: string
  readonly en: string
  readonly details: unknown

  constructor(e: IpcError) {
    super(e.en)
    this.code = e.code
    this.vi = e.vi
    this.en = e.en
    this.details = e.details
  }
}

// Channels that only read: a page reloading its data says nothing about the error shown.
const READS =
  /:(list|get|page|status|summary|recent|codes|overview|queue|candidateQueue|detail|candidates|person|facets|undoStack|evidence|preview|bulkPreview|inspect|state|info|batches|publicKey|templates:list|verify)$/
const succeeded = new Set<() => void>()

/** Called after each call that did something and succeeded: the error banner clears then. */
export function onActionSucceeded(listener: () => void): () => void {
  succeeded.add(listener)
  return () => succeeded.delete(listener)
}

/** Calls one contract channel; the renderer's only way to reach core. */
export async function call<K extends Channel>(channel: K, request: Req<K>): Promise<Res<K>> {
  const r = await window.vaxrecon.invoke(channel, request)
  if (r.ok) {
    if (!READS.test(channel)) for (const l of succeeded) l()
    return r.value
  }
  throw new ApiError(r.error)
}

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return window.vaxrecon.on(event, listener)
}
