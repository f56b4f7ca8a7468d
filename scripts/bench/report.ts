// The results: one JSON file with everything, and a Markdown summary printed and saved beside it.
// The issue's goals are shown as met or not, for information: the benchmark never fails on them.
import type { LoadResult } from './load'
import type { PublishResult } from './publish'
import type { SqlCount } from './verify'

export type Target = 'keystone' | 'baseline'

export type QueryResult = {
  query: string
  label: string
  checkedAnswers: number
  /** Mean size of the checked answers (bytes), the same on both servers. */
  answerBytes: number
  sql: Record<Target, SqlCount>
  /** The floor (`{ __typename }`) is loaded on Warta only. */
  load: Partial<Record<Target, LoadResult>>
  /** Warta's req/s as a share of the baseline's (null: not loaded on the baseline). */
  ratio: number | null
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
    /** `npm run content:rebuild` on the archive: the publisher filling the store. */
    rebuildMs: number
    stored: number
    /** Taken from the cache: the timings are those of its build. */
    cached: boolean
  }
  servers: Record<Target, ServerResult>
  queries: QueryResult[]
  publish: PublishResult
}

export type RunResult = {
  startedAt: string
  commit: string
  machine: { node: string; cpus: number; cpuModel: string; loadavgStart: number[]; loadavgEnd: number[] } // prettier-ignore
  settings: {
    seconds: number
    warmupSeconds: number
    connections: number
    timeoutSeconds: number
    seed: number
    ui: boolean
    pinned: boolean
    publishes: number
    loadGenerator: string
  }
  scenarios: ScenarioResult[]
  failures: string[]
  /** Runs that measured nothing (no request completed), and the like. */
  notes: string[]
}

const f = (n: number, digits = 0) => n.toFixed(digits)
const yes = (ok: boolean) => (ok ? 'yes' : '**no**')
/** Requests per second: a decimal where whole numbers would hide the difference. */
const rps = (n: number) => (n < 100 ? n.toFixed(1) : n.toFixed(0))
const pct = (n: number | null) => (n === null ? '–' : `${f(n * 100, 1)} %`)
const sqlText = (s: SqlCount) => (s.min === s.max ? `${s.min}` : `${s.min}–${s.max}`)
const floorOf = (sc: ScenarioResult) =>
  sc.queries.find(q => q.query === 'typename')?.load.keystone?.requestsPerSec ?? null
const ofFloor = (q: QueryResult, floor: number | null) =>
  floor && q.query !== 'typename' ? q.load.keystone!.requestsPerSec / floor : null

export function markdown(run: RunResult): string {
  const s = run.settings
  const lines = [
    `# Warta Content API benchmark, ${run.startedAt} (${run.commit})`,
    '',
    `${s.seconds} s per run after ${s.warmupSeconds} s warm-up, ${s.connections} connections, ` +
      `${s.loadGenerator}; Warta ${s.ui ? 'with' : 'without'} the Admin UI; ` +
      `${s.pinned ? 'servers pinned to CPU 0, load generator to CPU 1' : 'not pinned'}; ` +
      `Node ${run.machine.node}, ${run.machine.cpus} × ${run.machine.cpuModel}, load average ` +
      `${run.machine.loadavgStart.map(n => f(n, 2)).join(' ')} at start, ` +
      `${run.machine.loadavgEnd.map(n => f(n, 2)).join(' ')} at end.`,
  ]
  for (const sc of run.scenarios) {
    const a = sc.archive
    const floor = floorOf(sc)
    lines.push('', `## ${sc.stories} stories, pools ×${sc.pools}`, '')
    lines.push(
      `Archive: ${Object.entries(a.rows).map(([t, n]) => `${t} ${n}`).join(', ')}; ` +
        `${f(a.bytes / 2 ** 20, 1)} MiB with the store; generated in ${f(a.generateMs)} ms ` +
        `(+ ${f(a.migrateMs)} ms migrations), published store rebuilt (content:rebuild) in ` +
        `${f(a.rebuildMs)} ms, ${a.stored} stories${a.cached ? ' (from the cache: timings of its build)' : ''}.`, // prettier-ignore
      ''
    )
    lines.push(
      '| query | answer bytes | Warta req/s | p50 ms | p99 ms | baseline req/s | share of baseline | share of `__typename` | SQL/request Warta (baseline) | errors |', // prettier-ignore
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
    )
    for (const q of sc.queries) {
      const k = q.load.keystone!
      const b = q.load.baseline
      const errors = Object.values(q.load).reduce((n, l) => n + l.non2xx + l.errors + l.timeouts + l.graphqlErrors, 0) // prettier-ignore
      const ms = (n: number) => (k.requests === 0 ? '–' : f(n, 1))
      lines.push(
        `| ${q.label} | ${f(q.answerBytes)} | ${rps(k.requestsPerSec)} | ${ms(k.latencyP50Ms)} | ` +
          `${ms(k.latencyP99Ms)} | ${b ? rps(b.requestsPerSec) : '–'} | ${pct(q.ratio)} | ` +
          `${pct(ofFloor(q, floor))} | ${sqlText(q.sql.keystone)} (${sqlText(q.sql.baseline)}) | ${errors} |`
      )
    }
    lines.push(
      '',
      '| server | cold start to first Content API answer | peak RSS under load | VmHWM |',
      '| --- | ---: | ---: | ---: |'
    )
    for (const t of ['keystone', 'baseline'] as const) {
      const v = sc.servers[t]
      lines.push(`| ${t === 'keystone' ? 'Warta' : t} | ${f(v.coldStartMs)} ms | ${f(v.peakRssUnderLoadMiB)} MiB | ${f(v.vmHwmMiB)} MiB |`) // prettier-ignore
    }
    const p = sc.publish
    lines.push(
      '',
      `Publishing (${p.publish.count} drafts, one at a time, HTTP round trip included): publish ` +
        `p50 ${p.publish.p50Ms} ms, p95 ${p.publish.p95Ms} ms, max ${p.publish.maxMs} ms; ` +
        `unpublish p50 ${p.unpublish.p50Ms} ms, p95 ${p.unpublish.p95Ms} ms.`,
      '',
      ...goals(sc)
    )
  }
  lines.push(...spread(run.scenarios))
  if (run.notes.length) lines.push('', '## Notes', '', ...run.notes.map(x => `- ${x}`))
  if (run.failures.length) lines.push('', '## Failures', '', ...run.failures.map(x => `- ${x}`))
  return lines.join('\n') + '\n'
}

function goals(sc: ScenarioResult): string[] {
  const out = ['Goals (information only; timings on a shared machine are noisy):', '']
  const floor = floorOf(sc)
  const pages = sc.queries.filter(q => q.ratio !== null)
  const missed = (pick: (q: QueryResult) => number | null) =>
    pages.filter(q => (pick(q) ?? 1) < 0.5).map(q => `${q.query} ${pct(pick(q))}`)
  const base = missed(q => q.ratio)
  const fl = missed(q => ofFloor(q, floor))
  out.push(`- every page ≥ 50 % of the baseline: ${yes(base.length === 0)}${base.length ? ` (${base.join(', ')})` : ''}`) // prettier-ignore
  out.push(`- every page ≥ 50 % of \`{ __typename }\`: ${yes(fl.length === 0)}${fl.length ? ` (${fl.join(', ')})` : ''}`) // prettier-ignore
  const k = sc.servers.keystone
  out.push(`- cold start ≤ 1.5 s: ${yes(k.coldStartMs <= 1500)} (${f(k.coldStartMs)} ms)`)
  out.push(`- RSS under load ≤ 250 MiB: ${yes(k.peakRssUnderLoadMiB <= 250)} (${f(k.peakRssUnderLoadMiB)} MiB)`) // prettier-ignore
  out.push(`- publish p50 ≤ 50 ms: ${yes(sc.publish.publish.p50Ms <= 50)} (${sc.publish.publish.p50Ms} ms)`) // prettier-ignore
  return out
}

/** The "within 1.2×" goal and the SQL bound, across the scenarios run. */
function spread(scenarios: ScenarioResult[]): string[] {
  if (scenarios.length < 2) return []
  const out = ['', '## Across archive sizes and pools (goal: within 1.2×; SQL/request equal)', '']
  const names = [...new Set(scenarios.flatMap(sc => sc.queries.map(q => q.query)))]
  for (const name of names) {
    const runs = scenarios.flatMap(sc => sc.queries.filter(q => q.query === name))
    const rates = runs.map(q => q.load.keystone!.requestsPerSec)
    const worst = Math.max(...rates) / Math.min(...rates)
    const sql = new Set(runs.map(q => sqlText(q.sql.keystone)))
    out.push(
      `- ${name}: Warta req/s best/worst ${Number.isFinite(worst) ? `${f(worst, 2)}×` : 'unbounded'} ` +
        `(${yes(worst <= 1.2)}); share of baseline ${runs.map(q => pct(q.ratio)).join(' / ')}; ` +
        `SQL/request ${[...sql].join(' / ')} (${sql.size === 1 ? 'equal' : '**differs**'})`
    )
  }
  return out
}
