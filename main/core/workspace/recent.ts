import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'

const RecentList = z.array(z.object({ path: z.string(), openedAt: z.string() }))
export type RecentWorkspaces = z.infer<typeof RecentList>

const MAX_RECENT = 10

/** Remembers recently opened workspaces in a small JSON file in the app's own folder. */
export class RecentStore {
  private readonly file: string

  constructor(dir: string) {
    this.file = join(dir, 'recent-workspaces.json')
  }

  list(): RecentWorkspaces {
    try {
      const parsed = RecentList.safeParse(JSON.parse(readFileSync(this.file, 'utf8')))
      return parsed.success ? parsed.data : []
    } catch {
      return []
    }
  }

  remember(path: string): RecentWorkspaces {
    const next = [{ path, openedAt: new Date().toISOString() }, ...this.list().filter((r) => r.path !== path)].slice(0, MAX_RECENT)
    mkdirSync(dirname(this.file), { recursive: true })
    const tmp = `${this.file}.tmp`
    writeFileSync(tmp, JSON.stringify(next, null, 2))
    renameSync(tmp, this.file)
    return next
  }
}
