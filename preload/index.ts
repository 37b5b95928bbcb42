import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { DROPPED_FILE_MESSAGE, isChannel, isEventName, type VaxreconBridge } from '../main/ipc/contract.ts'

// Exposes exactly the contract: named channels and events, never ipcRenderer itself.
const bridge: VaxreconBridge = {
  invoke(channel, request) {
    if (!isChannel(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL', vi: 'Kênh không hợp lệ.', en: 'Unknown channel.' } })
    }
    return ipcRenderer.invoke(channel, request)
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error('Unknown event')
    const wrapped = (_e: IpcRendererEvent, payload: unknown): void => listener(payload as Parameters<typeof listener>[0])
    ipcRenderer.on(event, wrapped)
    return () => void ipcRenderer.removeListener(event, wrapped)
  },
  pathForFile: (file) => {
    const path = webUtils.getPathForFile(file)
    // Only a file the user really dropped has a path; main grants it before the page can ask to read it.
    if (path) ipcRenderer.sendSync(DROPPED_FILE_MESSAGE, path)
    return path
  }
}

contextBridge.exposeInMainWorld('vaxrecon', bridge)
