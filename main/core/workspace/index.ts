export {
  createWorkspace,
  createEncryptedWorkspace,
  openWorkspace,
  unlockWorkspace,
  migrate,
  schemaVersion,
  APPLICATION_ID
} from './workspace.ts'
export type { Workspace, Db } from './workspace.ts'
export { LATEST_VERSION as LATEST } from './migrations/index.ts'
