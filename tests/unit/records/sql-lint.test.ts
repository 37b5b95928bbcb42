import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// The lint rule that keeps SQL over the records table in main/core/records/ (eslint.config.js).
const eslint = new ESLint({ cwd: process.cwd() })
const offences = async (filePath: string, code: string): Promise<string[]> => {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message)
}

describe('records SQL lint rule', () => {
  it('fails SQL over records outside main/core/records/, in strings and templates, any case', async () => {
    const code = [
      "export const a = 'SELECT id FROM records WHERE kind = ?'",
      'export const b = (t: string): string => `SELECT r.id FROM links l JOIN records r ON r.id = l.subject_id WHERE ${t}`',
      "export const c = 'insert into  records (id) values (1)'",
      "export const d = 'UPDATE records SET phone = NULL'",
      "export const e = 'SELECT * FROM records_fts, recordsets'"
    ].join('\n')
    const found = await offences('main/core/review/scratch.ts', code)
    expect(found).toHaveLength(4)
    expect(found[0]).toMatch(/main\/core\/records\//)
    expect(await offences('main/cli/commands/scratch.ts', code)).toHaveLength(4)
  })

  it('allows it in main/core/records/', async () => {
    expect(await offences('main/core/records/scratch.ts', "export const a = 'SELECT id FROM records'")).toEqual([])
  })
})
