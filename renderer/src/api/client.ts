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

/** Calls one contract channel; the renderer's only way to reach core. */
export async function call<K extends Channel>(channel: K, request: Req<K>): Promise<Res<K>> {
  const r = await window.vaxrecon.invoke(channel, request)
  if (r.ok) return r.value
  throw new ApiError(r.error)
}

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return window.vaxrecon.on(event, listener)
}
