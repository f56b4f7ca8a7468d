// The results: one JSON file with everything, and a Markdown summary printed and saved beside it.
// The issue's goals are shown as met or not, for information: the benchmark never fails on them.
import type { LoadResult } from './load'
import type { SqlCount } from './verify'

export type Target = 'keystone' | 'baseline'

export type QueryResult = {
  query: string
  label: string
  checkedAnswers: number
  sql: Record<Target, SqlCount>
  load: Record<Target, LoadResult>
  /** Keystone req/s as a share of the baseline's. */
  ratio: number
}

export type ServerResult = { coldStartMs: number; peakRssUnderLoadMiB: number; vmHwmMiB: number }

export type ScenarioResult = {
  stories: number
  pools: number
  archive: {
    rows: Record<string, number>
    migrateMs: number
    generateMs: number
    bytes: number
    /** `npm run read-model:rebuild` on the archive (--pages=warm), else null. */
    rebuildMs: number | null
  }
  servers: Record<Target, ServerResult>
  queries: QueryResult[]
}

export type RunResult = {
  startedAt: string
  commit: string
  machine: {
    node: string
    cpus: number
    cpuModel: string
    loadavgStart: number[]
    loadavgEnd: number[]
  }
  settings: {
    seconds: number
    warmupSeconds: number
    connections: number
    timeoutSeconds: number
    seed: number
    ui: boolean
    pinned: boolean
    pages: 'warm' | 'cold'
    loadGenerator: string
  }
  scenarios: ScenarioResult[]
  failures: string[]
  /** Runs that measured nothing (no request completed), and the like. */
  notes: string[]
}

const GOALS = { story: 0.5, latest: 0.25 } as Record<string, number>
const f = (n: number, digits = 0) => n.toFixed(digits)
const yes = (ok: boolean) => (ok ? 'yes' : '**no**')
/** Requests per second: a decimal where whole numbers would hide the difference. */
const rps = (n: number) => (n < 100 ? n.toFixed(1) : n.toFixed(0))

export function markdown(run: RunResult): string {
  const s = run.settings
  const lines = [
    `# Warta read benchmark, ${run.startedAt} (${run.commit})`,
    '',
    `${s.seconds} s per run after ${s.warmupSeconds} s warm-up, ${s.connections} connections, ` +
      `${s.loadGenerator}; Keystone ${s.ui ? 'with' : 'without'} the Admin UI; ` +
      `${s.pinned ? 'servers pinned to CPU 0, load generator to CPU 1' : 'not pinned'}; ` +
      (s.pages === 'warm'
        ? 'read model rebuilt before Keystone starts (--pages=warm). '
        : 'read model empty at start: first requests build pages (--pages=cold). ') +
      `Node ${run.machine.node}, ${run.machine.cpus} × ${run.machine.cpuModel}, load average ` +
      `${run.machine.loadavgStart.map(n => f(n, 2)).join(' ')} at start, ` +
      `${run.machine.loadavgEnd.map(n => f(n, 2)).join(' ')} at end.`,
  ]
  for (const sc of run.scenarios) {
    lines.push('', `## ${sc.stories} stories, pools ×${sc.pools}`, '')
    lines.push(
      `Archive: ${Object.entries(sc.archive.rows)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')}; ${f(sc.archive.bytes / 2 ** 20, 1)} MiB, generated in ` +
        `${f(sc.archive.generateMs)} ms (+ ${f(sc.archive.migrateMs)} ms migrations)` +
        (sc.archive.rebuildMs === null
          ? '.'
          : `; read model rebuilt in ${f(sc.archive.rebuildMs)} ms (size includes it).`),
      ''
    )
    lines.push(
      '| query | server | req/s | p50 ms | p99 ms | share of baseline | SQL/request | errors |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |'
    )
    for (const q of sc.queries) {
      for (const t of ['keystone', 'baseline'] as const) {
        const l = q.load[t]
        const sql = q.sql[t]
        const errors = l.non2xx + l.errors + l.timeouts + l.graphqlErrors
        const ms = (n: number) => (l.requests === 0 ? '–' : f(n, 1))
        lines.push(
          `| ${q.label} | ${t} | ${rps(l.requestsPerSec)} | ${ms(l.latencyP50Ms)} | ` +
            `${ms(l.latencyP99Ms)} | ${t === 'keystone' ? `${f(q.ratio * 100, 1)} %` : '100 %'} | ` +
            `${sql.min === sql.max ? sql.min : `${sql.min}–${sql.max} (mean ${f(sql.mean, 1)})`} | ${errors} |`
        )
      }
    }
    lines.push(
      '',
      '| server | cold start to first GraphQL answer | peak RSS under load | VmHWM |',
      '| --- | ---: | ---: | ---: |'
    )
    for (const t of ['keystone', 'baseline'] as const) {
      const v = sc.servers[t]
      lines.push(
        `| ${t} | ${f(v.coldStartMs)} ms | ${f(v.peakRssUnderLoadMiB)} MiB | ${f(v.vmHwmMiB)} MiB |`
      )
    }
    lines.push('', ...goals(sc))
  }
  lines.push(...spread(run.scenarios))
  if (run.notes.length) lines.push('', '## Notes', '', ...run.notes.map(x => `- ${x}`))
  if (run.failures.length) lines.push('', '## Failures', '', ...run.failures.map(x => `- ${x}`))
  return lines.join('\n') + '\n'
}

function goals(sc: ScenarioResult): string[] {
  const out = ['Goals (information only; timings on a shared machine are noisy):', '']
  for (const q of sc.queries) {
    const goal = GOALS[q.query]
    if (goal !== undefined)
      out.push(
        `- ${q.label} ≥ ${goal * 100} % of baseline: ${yes(q.ratio >= goal)} (${f(q.ratio * 100, 1)} %)`
      )
  }
  const story = sc.queries.find(q => q.query === 'story')
  if (story)
    out.push(
      `- ≤ 3 SQL statements per story page: ${yes(story.sql.keystone.max <= 3)} (${story.sql.keystone.max})`
    )
  const k = sc.servers.keystone
  out.push(`- cold start ≤ 1.5 s: ${yes(k.coldStartMs <= 1500)} (${f(k.coldStartMs)} ms)`)
  out.push(
    `- memory under load ≤ 250 MiB: ${yes(k.peakRssUnderLoadMiB <= 250)} (${f(k.peakRssUnderLoadMiB)} MiB)`
  )
  return out
}

/** The "within 1.2×" goal: each query's share of baseline across the scenarios run. */
function spread(scenarios: ScenarioResult[]): string[] {
  if (scenarios.length < 2) return []
  const out = ['', '## Across archive sizes and pools (goal: within 1.2×)', '']
  const names = [...new Set(scenarios.flatMap(sc => sc.queries.map(q => q.query)))]
  for (const name of names) {
    const ratios = scenarios.flatMap(sc =>
      sc.queries.filter(q => q.query === name).map(q => q.ratio)
    )
    const rps = scenarios.flatMap(sc =>
      sc.queries.filter(q => q.query === name).map(q => q.load.keystone.requestsPerSec)
    )
    const worst = Math.max(...rps) / Math.min(...rps)
    const spreadText = Number.isFinite(worst)
      ? `${f(worst, 2)}×`
      : 'unbounded (a run completed nothing)'
    out.push(
      `- ${name}: Keystone req/s best/worst ${spreadText} (${yes(worst <= 1.2)}); share of ` +
        `baseline ${ratios.map(r => `${f(r * 100, 1)} %`).join(' / ')}`
    )
  }
  return out
}
