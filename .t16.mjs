import Database from 'better-sqlite3-multiple-ciphers'
import { rmSync, readFileSync } from 'node:fs'
const K='ab'.repeat(32)
rmSync('/tmp/o.db',{force:true})
const d = new Database('/tmp/r.db'); d.pragma("cipher='sqlcipher'"); d.pragma('legacy=3'); d.pragma('legacy_page_size=4096'); d.pragma(`key="x'${K}'"`)
d.pragma('journal_mode=WAL')
d.exec("VACUUM INTO '/tmp/o.db'")
d.close()
console.log('out plain?', readFileSync('/tmp/o.db').subarray(0,16).toString('latin1'))
const o = new Database('/tmp/o.db')
try { console.log(o.prepare('select * from t').all()) } catch (e) { console.log('plain read fails', e.message) }
o.close()
