import type { VaxreconBridge } from '../main/ipc/contract.ts'

declare global {
  interface Window {
    vaxrecon: VaxreconBridge
  }
}
