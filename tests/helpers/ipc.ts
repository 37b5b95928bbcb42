import { dispatch } from '../../main/ipc/dispatch.ts'
import { createHandlers } from '../../main/ipc/handlers/index.ts'
import { startHarness, type Harness } from '../e2e/harness/server.ts'

export type IpcCall = (channel: string, payload?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>

/**
 * The real handlers behind the real dispatcher, over the e2e harness's session (the same
 * Platform as the browser tests): what Electron's main process runs, without a window.
 */
export async function ipcSession(): Promise<{ harness: Harness; call: IpcCall }> {
  const harness = await startHarness()
  const handlers = createHandlers(harness.session)
  return { harness, call: (channel, payload) => dispatch(handlers, channel, payload) as ReturnType<IpcCall> }
}
