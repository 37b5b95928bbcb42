#!/usr/bin/env node
// The CLI runs its TypeScript sources directly, which needs Node 22.12+ (type stripping).
// Through npm/npx the project's own Node 22 (the `node` devDependency) is first on PATH.
const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `VaxRecon cần Node.js 22.12 trở lên (đang là ${process.version}). Hãy chạy: npx vaxrecon ...\n` +
      `VaxRecon needs Node.js 22.12 or later (this is ${process.version}). Run it as: npx vaxrecon ...\n`
  )
  process.exit(1)
}
const { main } = await import('../main/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
