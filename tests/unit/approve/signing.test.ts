import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { formatPublicKey, keyIdHex, parsePublicKey, signMinisig, verifyMinisig } from '../../../main/core/base/minisign.ts'
import { changePassword, createUserBy } from '../../../main/core/users/accounts.ts'
import { publicKeyFile, signerFor } from '../../../main/core/users/keys.ts'
import { generateSigningKey, unlockSigningKey } from '../../../main/core/users/signing-key.ts'
import { fixtureWorkspace, keyOf, PASSWORDS } from '../../helpers/corrections.ts'
import { tempDir } from '../../helpers/tmp.ts'

test('a signature made with node:crypto is accepted by the stock minisign tool, and ours rejects a changed byte', async () => {
  const signer = await unlockSigningKey(await generateSigningKey('mật-khẩu-dài'), 'mật-khẩu-dài')
  const dir = tempDir()
  const data = Buffer.from('Lô điều chỉnh\n'.repeat(1000))
  writeFileSync(join(dir, 'f.bin'), data)
  writeFileSync(join(dir, 'k.pub'), formatPublicKey(signer.publicKey))
  const sig = signMinisig(data, signer, 'batch:271-20250101-0001 time:2025-01-01T00:00:00.000Z')
  writeFileSync(join(dir, 'f.bin.minisig'), sig)
  const r = spawnSync('minisign', ['-V', '-p', join(dir, 'k.pub'), '-m', join(dir, 'f.bin')], { encoding: 'utf8' })
  expect(r.status).toBe(0)
  expect(r.stdout).toContain('Trusted comment: batch:271-20250101-0001')

  const pk = parsePublicKey(formatPublicKey(signer.publicKey))
  expect(keyIdHex(pk.keyId)).toBe(keyIdHex(signer.publicKey.keyId))
  expect(verifyMinisig(data, sig, pk)).toMatchObject({ ok: true })
  const changed = Buffer.from(data)
  changed.writeUInt8(changed.readUInt8(500) ^ 1, 500)
  expect(verifyMinisig(changed, sig, pk)).toMatchObject({ ok: false, problem: 'signature' })
  // A trusted comment edited after signing is caught by the global signature.
  expect(verifyMinisig(data, sig.replace('batch:271-20250101-0001', 'batch:271-20250101-0002'), pk)).toMatchObject({
    ok: false,
    problem: 'trusted-comment'
  })
  const other = await unlockSigningKey(await generateSigningKey('another-pass'), 'another-pass')
  expect(verifyMinisig(data, sig, other.publicKey)).toMatchObject({ ok: false, problem: 'key-mismatch' })
})

test('the private key is sealed with the password: stored encrypted, opened only with it', async () => {
  const f = await fixtureWorkspace()
  const row = f.ws.db.prepare('SELECT public_key, secret_key_enc FROM users WHERE id = ?').get(f.minh.id) as {
    public_key: string
    secret_key_enc: string
  }
  expect(JSON.parse(row.secret_key_enc)).toMatchObject({ v: 1, kdf: 'scrypt', N: 32768 })
  const signer = await signerFor(f.ws, f.minh, PASSWORDS.minh)
  const seed = Buffer.from(signer.secret.export({ format: 'jwk' }).d ?? '', 'base64url')
  expect(row.secret_key_enc).not.toContain(seed.toString('base64'))
  await expect(signerFor(f.ws, f.minh, 'wrong-password')).rejects.toMatchObject({ code: 'SIGNING_KEY_LOCKED' })
  // Clerks have no key and cannot sign.
  expect((f.ws.db.prepare('SELECT public_key FROM users WHERE id = ?').get(f.clerk.id) as { public_key: null }).public_key).toBeNull()
  await expect(signerFor(f.ws, f.clerk, PASSWORDS.clerk)).rejects.toMatchObject({ code: 'NOT_SUPERVISOR' })
  // A changed password re-seals the same key: the public key the district handed out stays valid.
  const before = publicKeyFile(f.ws, f.minh)
  await changePassword(f.ws, f.minh, PASSWORDS.minh, 'new-password-456')
  expect(publicKeyFile(f.ws, f.minh)).toBe(before)
  await expect(signerFor(f.ws, f.minh, PASSWORDS.minh)).rejects.toMatchObject({ code: 'SIGNING_KEY_LOCKED' })
  const reopened = await signerFor(f.ws, f.minh, 'new-password-456')
  expect(reopened.publicKey.key.equals(signer.publicKey.key)).toBe(true)
  f.ws.close()
})

test('the first user made in the app must be a supervisor; after that only a supervisor adds users', async () => {
  const f = await fixtureWorkspace()
  await expect(createUserBy(f.ws, null, { name: 'Ai đó', role: 'clerk', password: 'password-123' })).rejects.toMatchObject({
    code: 'NOT_SIGNED_IN'
  })
  await expect(createUserBy(f.ws, f.clerk, { name: 'Ai đó', role: 'supervisor', password: 'password-123' })).rejects.toMatchObject({
    code: 'NOT_SUPERVISOR'
  })
  await expect(createUserBy(f.ws, f.minh, { name: 'Tú', role: 'clerk', password: 'password-123' })).rejects.toMatchObject({
    code: 'SIGNING_KEY_LOCKED'
  })
  const made = await createUserBy(f.ws, f.minh, { name: 'Tú', role: 'clerk', password: 'password-123' }, keyOf(f.minh))
  const audit = f.ws.db.prepare(`SELECT actor FROM audit_log WHERE action = 'user.add' AND entity_id = ?`).get(String(made.id))
  expect(audit).toEqual({ actor: 'Minh' })
  f.ws.close()
})
