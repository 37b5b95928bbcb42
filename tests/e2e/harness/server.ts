import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { EventName, EventPayload } from '../../../main/ipc/contract.ts'
import { dispatch } from '../../../main/ipc/dispatch.ts'
import { createHandlers } from '../../../main/ipc/handlers/index.ts'
import { Session } from '../../../main/ipc/session.ts'

/**
 * A test-only stand-in for Electron's main process: it serves the built renderer and
 * carries the real IPC contract to the real core over loopback HTTP, guarded by a
 * random token. It is never shipped; the app uses Electron IPC.
 */
export interface Harness {
  url: string
  token: string
  session: Session
  /** Paths the next "choose a file" dialogs will return, in order. */
  dialogAnswers: (string | null)[]
  close(): Promise<void>
}

const RENDERER_DIR = fileURLToPath(new URL('../../../out/renderer/', import.meta.url))
const WORKER_ENTRY = fileURLToPath(new URL('../../../main/core/jobs/worker.ts', import.meta.url))
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff'
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function startHarness(stateDir = mkdtempSync(join(tmpdir(), 'vaxrecon-state-'))): Promise<Harness> {
  const token = randomBytes(24).toString('hex')
  const streams = new Set<ServerResponse>()
  const dialogAnswers: (string | null)[] = []
  const session = new Session({
    appVersion: 'test',
    platform: process.platform,
    stateDir,
    workerEntry: WORKER_ENTRY,
    chooseWorkspacePath: () => Promise.resolve(dialogAnswers.shift() ?? null),
    chooseDirectory: () => Promise.resolve(dialogAnswers.shift() ?? null),
    chooseImportFile: () => Promise.resolve(dialogAnswers.shift() ?? null),
    chooseSavePath: () => Promise.resolve(dialogAnswers.shift() ?? null),
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      const frame = `data: ${JSON.stringify({ event, payload })}\n\n`
      for (const s of streams) s.write(frame)
    }
  })
  const handlers = createHandlers(session)
  const root = normalize(RENDERER_DIR + sep)

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      if (url.pathname === '/__ipc' && req.method === 'POST') {
        if (req.headers['x-vaxrecon-token'] !== token) return void res.writeHead(403).end()
        const { channel, payload } = JSON.parse(await readBody(req)) as { channel: unknown; payload: unknown }
        const result = await dispatch(handlers, channel, payload)
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result))
        return
      }
      if (url.pathname === '/__events') {
        if (url.searchParams.get('token') !== token) return void res.writeHead(403).end()
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' })
        res.write(': open\n\n')
        streams.add(res)
        req.on('close', () => streams.delete(res))
        return
      }
      const file = normalize(join(root, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)))
      if (!file.startsWith(root)) return void res.writeHead(404).end()
      try {
        const body = await readFile(file)
        res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(body)
      } catch {
        res.writeHead(404).end()
      }
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    session,
    dialogAnswers,
    close: async () => {
      for (const s of streams) s.end()
      session.replaceWorkspace(null)
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
