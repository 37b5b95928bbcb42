import { ipcMain, type BrowserWindow, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS, DROPPED_FILE_MESSAGE, type EventName, type EventPayload } from '../ipc/contract.ts'
import { dispatch } from '../ipc/dispatch.ts'
import { createHandlers } from '../ipc/handlers/index.ts'
import type { Session } from '../ipc/session.ts'
import { isTrustedUrl } from './security.ts'

/** Registers one ipcMain handler per contract channel, each refusing untrusted senders. */
export function registerIpc(session: Session): void {
  const handlers = createHandlers(session)
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      const url = event.senderFrame?.url ?? ''
      if (!isTrustedUrl(url)) {
        return { ok: false, error: { code: 'IPC_FORBIDDEN', vi: 'Nguồn gọi không được phép.', en: 'Untrusted sender.' } }
      }
      return dispatch(handlers, channel, payload)
    })
  }
  // From preload only (see DROPPED_FILE_MESSAGE): a dropped file's real path becomes importable.
  ipcMain.on(DROPPED_FILE_MESSAGE, (event: IpcMainEvent, path: unknown) => {
    if (isTrustedUrl(event.senderFrame?.url ?? '') && typeof path === 'string' && path !== '') session.paths.grant(path, 'import')
    event.returnValue = true
  })
}

export function emitTo(win: () => BrowserWindow | null) {
  return <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    const w = win()
    if (w && !w.isDestroyed()) w.webContents.send(event, payload)
  }
}
