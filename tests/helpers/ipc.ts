import { dispatch } from '../../main/ipc/dispatch.ts'
import { createHandlers } from '../../main/ipc/handlers/index.ts'
import { startHarness, type Harness } from '../e2e/harness/server.ts'

export type IpcCall = (channel: string, payload?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>

/**
 * The real handlers behind the real dispatcher, over the e2e harness's session (the same
 * Platform as the browser tests): what Electron's main process runs, without a window.
 */
export async function ipcSession(): Promise<{ harness: Harness; call: IpcCall; chosen: (dialog: string, path: string) => Promise<void> }> {
  const harness = await startHarness()
  const handlers = createHandlers(harness.session)
  const call: IpcCall = (channel, payload) => dispatch(handlers, channel, payload) as ReturnType<IpcCall>
  /** The user picks `path` in one of main's dialogs: only then do channels accept it. */
  const chosen = async (dialog: string, path: string) => {
    harness.dialogAnswers.push(path)
    await call(dialog, dialog === 'dialog:chooseWorkspace' ? { mode: 'open' } : {})
  }
  return { harness, call, chosen }
}
