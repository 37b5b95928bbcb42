import { serializeError } from '../core/base/errors.ts'
import { contract, isChannel, type Channel, type IpcResult } from './contract.ts'
import type { Handler, HandlerMap } from './handlers/types.ts'

/**
 * The single entry for every request, whatever carried it (Electron IPC or the test
 * transport): unknown channels and invalid payloads get a typed error, never a crash.
 */
export async function dispatch(handlers: HandlerMap<Channel>, channel: unknown, payload: unknown): Promise<IpcResult<unknown>> {
  if (!isChannel(channel)) {
    return {
      ok: false,
      error: { code: 'IPC_UNKNOWN_CHANNEL', vi: 'Kênh không hợp lệ.', en: 'Unknown channel.', details: { channel: String(channel) } }
    }
  }
  const spec = contract[channel]
  const parsed = spec.request.safeParse(payload ?? {})
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'IPC_INVALID_REQUEST',
        vi: 'Yêu cầu không hợp lệ.',
        en: 'Invalid request.',
        // Paths and messages only: zod issues do not echo the offending values.
        details: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }))
      }
    }
  }
  try {
    const handler = handlers[channel] as Handler<Channel>
    const value = await handler(parsed.data as never)
    return { ok: true, value: spec.response.parse(value) }
  } catch (err) {
    return { ok: false, error: serializeError(err) }
  }
}
