import { inlineContext } from '../../../main/core/base/job-context.ts'
import { matchJob } from '../../../main/core/jobs/pipeline.ts'
import { openWorkspace } from '../../../main/core/workspace/index.ts'

/**
 * Runs one match in its own process, so the bench measures its time and peak memory
 * alone. Prints one JSON line: total seconds, seconds until the review's diff rebuild
 * started (the linkage itself), CPU seconds of all threads, peak RSS and the counts.
 * argv: WORKSPACE [THREADS] (default: the cores there are).
 */
const ws = openWorkspace(process.argv[2] as string)
const threads = process.argv[3] === undefined ? undefined : Number(process.argv[3])
const started = performance.now()
let linkedAt: number | null = null
const result = matchJob(
  ws,
  threads === undefined ? {} : { threads },
  inlineContext((p) => {
    if (p.stage === 'diffs' && linkedAt === null) linkedAt = performance.now()
  })
)
const end = performance.now()
ws.close()
process.stdout.write(
  JSON.stringify({
    seconds: (end - started) / 1000,
    linkSeconds: ((linkedAt ?? end) - started) / 1000,
    cpuSeconds: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1e6,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    result
  }) + '\n'
)
