import { createHash } from 'node:crypto'
import { readFileSync, rmSync, truncateSync, writeFileSync, statSync, copyFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, test } from 'vitest'
import { VaxError } from '../../main/core/base/errors.ts'
import { changePassword } from '../../main/core/users/accounts.ts'
import { deactivateUser } from '../../main/core/users/deactivate.ts'
import { signerFor } from '../../main/core/users/keys.ts'
import { addUser } from '../../main/core/users/users.ts'
import { keyFilePath } from '../../main/core/workspace/key-file.ts'
import { dropUserSlot } from '../../main/core/workspace/key-slots.ts'
import { createEncryptedWorkspace, openWorkspace, unlockWorkspace } from '../../main/core/workspace/index.ts'
import { tempDir } from '../helpers/tmp.ts'

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex')

async function expectCode(fn: () => Promise<unknown>, code: string): Promise<void> {
  const err = await fn().then(
    () => null,
    (e: unknown) => e
  )
  expect(err, `expected ${code}`).toBeInstanceOf(VaxError)
  expect((err as VaxError).code).toBe(code)
  expect((err as VaxError).vi.length).toBeGreaterThan(0)
  expect((err as VaxError).en.length).toBeGreaterThan(0)
}

const PW = { minh: 'minh-pass-123', hoa: 'hoa-pass-123', lan: 'lan-pass-123' }

/** An encrypted workspace with two supervisors and a clerk, closed; made once (scrypt is slow on purpose), copied per test. */
async function makeOffice() {
  const path = join(tempDir(), 'huyen.vaxrecon')
  const { workspace: ws, recoverySecret } = createEncryptedWorkspace(path)
  // Minh is the first supervisor and endorses the others.
  const minh = await addUser(ws, null, { name: 'Minh', role: 'supervisor', password: PW.minh })
  const byMinh = { userId: minh.id, signer: await signerFor(ws, minh, PW.minh) }
  const lan = await addUser(ws, byMinh, { name: 'Lan', role: 'clerk', password: PW.lan })
  const hoa = await addUser(ws, byMinh, { name: 'Hoa', role: 'supervisor', password: PW.hoa })
  ws.db.prepare(`INSERT INTO settings (key, value) VALUES ('probe', 'CCCD-079123456789')`).run()
  const key = ws.key
  ws.close()
  return { path, recoverySecret, key, lan, minh, hoa }
}
let template: ReturnType<typeof makeOffice> | null = null

async function office() {
  template ??= makeOffice()
  const t = await template
  const path = join(tempDir(), 'huyen.vaxrecon')
  copyFileSync(t.path, path)
  copyFileSync(keyFilePath(t.path), keyFilePath(path))
  return { ...t, path }
}

describe('an encrypted workspace', () => {
  test('is SQLCipher bytes: plain SQLite cannot read it and its contents do not show', async () => {
    const { path, recoverySecret } = await office()
    expect(recoverySecret).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){9}[0-9A-HJKMNP-TV-Z]{4}$/)
    expect(readFileSync(path).includes('CCCD-079123456789')).toBe(false)
    expect(readFileSync(path).includes('SQLite format 3')).toBe(false)
    expect(readFileSync(keyFilePath(path), 'utf8')).not.toMatch(/Minh|Hoa|Lan/)
    const plain = new Database(path, { readonly: true })
    expect(() => plain.pragma('user_version')).toThrow(/not a database/)
    plain.close()
  })

  test("each user's own password opens it, all to the same key; a wrong one is refused, file untouched", async () => {
    const { path, key } = await office()
    for (const pw of Object.values(PW)) expect((await unlockWorkspace(path, pw))?.equals(key ?? Buffer.alloc(0))).toBe(true)
    const before = sha(path)
    await expectCode(() => unlockWorkspace(path, 'not-the-password'), 'WORKSPACE_WRONG_PASSWORD')
    expect(() => openWorkspace(path)).toThrow(VaxError)
    expect(sha(path)).toBe(before)
    const ws = openWorkspace(path, await unlockWorkspace(path, PW.hoa))
    expect(ws.db.prepare(`SELECT value FROM settings WHERE key = 'probe'`).pluck().get()).toBe('CCCD-079123456789')
    ws.close()
  })

  test('until the first supervisor exists any password opens it (setup); after, only theirs', async () => {
    const path = join(tempDir(), 'new.vaxrecon')
    const { workspace: ws } = createEncryptedWorkspace(path)
    ws.close()
    expect(await unlockWorkspace(path, 'anything')).not.toBeNull()
    const again = openWorkspace(path, await unlockWorkspace(path, 'anything'))
    await addUser(again, null, { name: 'Minh', role: 'supervisor', password: PW.minh })
    again.close()
    await expectCode(() => unlockWorkspace(path, 'anything'), 'WORKSPACE_WRONG_PASSWORD')
    expect(await unlockWorkspace(path, PW.minh)).not.toBeNull()
  })

  test('a password change rewraps one slot: the old password stops working, the file is not re-encrypted', async () => {
    const { path, key, minh } = await office()
    const ws = openWorkspace(path, await unlockWorkspace(path, PW.minh))
    const salt = readFileSync(path).subarray(0, 16)
    await changePassword(ws, minh, PW.minh, 'minh-new-pass-456')
    ws.close()
    await expectCode(() => unlockWorkspace(path, PW.minh), 'WORKSPACE_WRONG_PASSWORD')
    expect((await unlockWorkspace(path, 'minh-new-pass-456'))?.equals(key ?? Buffer.alloc(0))).toBe(true)
    expect(readFileSync(path).subarray(0, 16).equals(salt)).toBe(true)
  })

  test("a deactivated user's password no longer opens it; the other supervisor's still does, nothing re-encrypted", async () => {
    const { path, minh, lan, key } = await office()
    const ws = openWorkspace(path, await unlockWorkspace(path, PW.minh))
    deactivateUser(ws, minh, lan.id)
    ws.close()
    await expectCode(() => unlockWorkspace(path, PW.lan), 'WORKSPACE_WRONG_PASSWORD')
    // The same workspace key still opens it: the file was not re-encrypted.
    expect((await unlockWorkspace(path, PW.hoa))?.equals(key ?? Buffer.alloc(0))).toBe(true)
    const before = sha(path)
    dropUserSlot(path, minh.id)
    expect(sha(path)).toBe(before)
    await expectCode(() => unlockWorkspace(path, PW.minh), 'WORKSPACE_WRONG_PASSWORD')
  })

  test('the recovery secret opens it when every password is lost, even without the key file', async () => {
    const { path, recoverySecret, key } = await office()
    rmSync(keyFilePath(path))
    await expectCode(() => unlockWorkspace(path, PW.hoa), 'WORKSPACE_WRONG_PASSWORD')
    const typed = recoverySecret.toLowerCase().replaceAll('-', ' ')
    expect((await unlockWorkspace(path, typed))?.equals(key ?? Buffer.alloc(0))).toBe(true)
  })

  test('a truncated or damaged file, or a file from another tool: a clear error, the file untouched', async () => {
    const { path } = await office()
    const cut = join(tempDir(), 'cut.vaxrecon')
    copyFileSync(path, cut)
    copyFileSync(keyFilePath(path), keyFilePath(cut))
    truncateSync(cut, Math.floor(statSync(cut).size / 2))
    const before = sha(cut)
    await expectCode(async () => openWorkspace(cut, await unlockWorkspace(cut, PW.hoa)), 'WORKSPACE_CORRUPT')
    expect(sha(cut)).toBe(before)

    const flipped = readFileSync(path)
    flipped[100] = (flipped[100] ?? 0) ^ 0xff
    writeFileSync(cut, flipped)
    await expectCode(() => unlockWorkspace(cut, PW.hoa), 'WORKSPACE_CORRUPT')

    const zip = join(tempDir(), 'book.vaxrecon')
    writeFileSync(zip, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(5000)]))
    await expectCode(() => unlockWorkspace(zip, PW.hoa), 'WORKSPACE_FOREIGN')
  })
})
