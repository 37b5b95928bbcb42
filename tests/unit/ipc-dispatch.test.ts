import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { CHANNELS, contract } from '../../main/ipc/contract.ts'
import { dispatch } from '../../main/ipc/dispatch.ts'
import { createHandlers } from '../../main/ipc/handlers/index.ts'
import { Session } from '../../main/ipc/session.ts'
import { tempDir } from '../helpers/tmp.ts'

const sessions: Session[] = []
afterEach(() => {
  for (const s of sessions.splice(0)) s.replaceWorkspace(null)
})

function handlers(chosenWorkspace: string | null = null) {
  const s = new Session({
    appVersion: 'test',
    platform: 'test',
    stateDir: tempDir(),
    workerEntry: new URL('../../main/core/jobs/worker.ts', import.meta.url),
    chooseWorkspacePath: () => Promise.resolve(chosenWorkspace),
    chooseImportFile: () => Promise.resolve(null),
    chooseDirectory: () => Promise.resolve(null),
    chooseSavePath: () => Promise.resolve(null),
    emit: () => {}
  })
  sessions.push(s)
  return createHandlers(s)
}

test('every channel has a request and a response schema', () => {
  for (const c of CHANNELS) {
    expect(contract[c].request).toBeDefined()
    expect(contract[c].response).toBeDefined()
  }
})

test('a bad payload is rejected with a typed error, without reaching core', async () => {
  const h = handlers()
  for (const payload of [{ path: 42 }, { path: '' }, 'oops', [1, 2]]) {
    const r = await dispatch(h, 'workspace:create', payload)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('IPC_INVALID_REQUEST')
      expect(r.error.vi).toBe('Yêu cầu không hợp lệ.')
    }
  }
  const job = await dispatch(h, 'job:start', { kind: 'format-disk' })
  expect(job.ok).toBe(false)
})

test('an unknown channel is rejected', async () => {
  const r = await dispatch(handlers(), 'fs:readFile', { path: '/etc/passwd' })
  expect(r).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL' } })
})

test('a core error crosses as a bilingual typed error', async () => {
  const r = await dispatch(handlers(), 'workspace:status', {})
  expect(r).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE', vi: 'Chưa mở không gian làm việc nào.' } })
})

test('a valid request reaches core and its response is validated', async () => {
  const path = join(tempDir(), 'w.vaxrecon')
  const h = handlers(path)
  // The path comes from main's own dialog, as in the app.
  await dispatch(h, 'dialog:chooseWorkspace', { mode: 'create' })
  const r = await dispatch(h, 'workspace:create', { path })
  expect(r.ok).toBe(true)
  if (r.ok) expect(contract['workspace:create'].response.parse(r.value).path).toBe(path)
  const recent = await dispatch(h, 'workspace:recent', {})
  expect(recent).toMatchObject({ ok: true, value: { recent: [{ path }] } })
})
