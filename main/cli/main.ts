import { asVaxError } from '../core/base/errors.ts'
import { UsageError, type CliIo } from './command.ts'
import { commands } from './commands/index.ts'

const processIo: CliIo = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  stdin: async () => {
    const chunks: Buffer[] = []
    for await (const c of process.stdin) chunks.push(c as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  }
}

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return [
    'VaxRecon — đối soát dữ liệu tiêm chủng / vaccination record reconciliation',
    '',
    'Usage: vaxrecon COMMAND [options]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'vaxrecon COMMAND --help shows the options of one command.',
    ''
  ].join('\n')
}

/** Runs one CLI invocation and returns its exit code: 0 ok, 1 failed, 2 bad usage. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help())
    return name ? 0 : 2
  }
  const entry = commands.find((c) => c.name === name)
  if (!entry) {
    io.err(`Lệnh không tồn tại / unknown command: ${name}\n\n${help()}`)
    return 2
  }
  const cmd = await entry.load()
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${entry.summary}\n\nUsage: ${cmd.usage}\n`)
    return 0
  }
  try {
    return await cmd.run(rest, io)
  } catch (err) {
    if (err instanceof UsageError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(`Sai cú pháp / usage error: ${err.message}\nUsage: ${cmd.usage}\n`)
      return 2
    }
    const known = asVaxError(err)
    if (known) {
      io.err(`Lỗi: ${known.vi}\nError: ${known.en}\n`)
      return 1
    }
    // Unexpected errors: the stack helps us, but the message may quote cell contents.
    io.err(`Lỗi nội bộ / internal error (${err instanceof Error ? err.name : 'unknown'})\n`)
    if (process.env['VAXRECON_DEBUG'] === '1' && err instanceof Error) io.err(`${err.stack ?? ''}\n`)
    return 1
  }
}
