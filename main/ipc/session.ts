import { VaxError } from '../core/base/errors.ts'
import { removeConversions } from '../core/import/readers/convert.ts'
import { QueryRunner } from '../core/jobs/query-runner.ts'
import { JobRunner } from '../core/jobs/runner.ts'
import { RecentStore } from '../core/workspace/recent.ts'
import { notSignedIn, type User } from '../core/users/users.ts'
import type { Workspace } from '../core/workspace/workspace.ts'
import type { Signer } from '../core/base/minisign.ts'
import { PathGrants } from './path-grants.ts'
import type { EventName, EventPayload } from './contract.ts'

/** What the platform (Electron, or the test harness) provides to the handlers. */
export interface Platform {
  appVersion: string
  platform: string
  /** Folder for app state such as the recent-workspaces list. */
  stateDir: string
  /** The worker entry (jobs and the query reader): bundled JS in Electron, the .ts source under Node. */
  workerEntry: string | URL
  chooseWorkspacePath(mode: 'create' | 'open'): Promise<string | null>
  /** A spreadsheet to import (.xlsx, .csv, and the old formats we can explain or convert). */
  chooseImportFile(): Promise<string | null>
  /** A folder to write into (export batches); null when cancelled. */
  chooseDirectory(purpose: 'export'): Promise<string | null>
  /** Where to save a file the app makes (a report, a public key); null when cancelled. */
  chooseSavePath(opts: { defaultName: string; extensions: string[] }): Promise<string | null>
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
}

/** The state behind one window: the open workspace, the job runner, recent files. */
export class Session {
  readonly platform: Platform
  readonly recent: RecentStore
  readonly jobs: JobRunner
  /** Paths chosen in main's dialogs: the only ones channels accept. */
  readonly paths = new PathGrants()
  private ws: Workspace | null = null
  private reader: QueryRunner | null = null
  private signedIn: User | null = null
  private openKey: Signer | null = null

  constructor(platform: Platform) {
    this.platform = platform
    this.recent = new RecentStore(platform.stateDir)
    this.jobs = new JobRunner(platform.workerEntry, (e) => {
      if (e.type === 'progress') {
        const { type: _type, ...payload } = e
        platform.emit('job:progress', payload)
      } else {
        const { type: _type, ...payload } = e
        platform.emit('job:finished', payload)
      }
    })
  }

  get workspace(): Workspace {
    if (!this.ws) {
      throw new VaxError('NO_WORKSPACE', {
        vi: 'Chưa mở không gian làm việc nào.',
        en: 'No workspace is open.'
      })
    }
    return this.ws
  }

  /** The signed-in user; every decision is recorded under this user. */
  get user(): User {
    if (!this.signedIn) throw notSignedIn()
    return this.signedIn
  }

  /** The signed-in user, or null: for screens that must work before anyone signs in. */
  get userOrNull(): User | null {
    return this.signedIn
  }

  /**
   * A supervisor's signing key, opened by their password at sign-in and held only in
   * this process: every approval and endorsement they make is signed with it.
   */
  get signer(): Signer | null {
    return this.openKey
  }

  signIn(user: User | null, signer: Signer | null = null): void {
    this.signedIn = user
    this.openKey = user ? signer : null
  }

  /** The open workspace's query reader, started on first use (and again if it stopped). */
  get queries(): QueryRunner {
    const ws = this.workspace
    if (!this.reader?.alive) this.reader = new QueryRunner(this.platform.workerEntry, ws.path, ws.key)
    return this.reader
  }

  replaceWorkspace(ws: Workspace | null): void {
    void this.reader?.close()
    this.reader = null
    this.ws?.close()
    removeConversions()
    this.ws = ws
    this.signIn(null)
  }
}
