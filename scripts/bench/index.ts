// `npm run bench`: for each archive size and pool multiplier, build the archive, start Keystone
// (production build, `keystone start`) and the bare baseline as real processes, check that they
// answer byte-identical JSON, count SQL statements per request, then load each query on each
// server for a fixed time at a fixed concurrency. Results go to <out>/<timestamp>.{json,md}.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildArchive } from './archive'
import { failures, load, type LoadResult } from './load'
import { parseOptions, USAGE, type Options } from './options'
import { queries, type BenchQuery } from './queries'
import {
  markdown,
  type QueryResult,
  type RunResult,
  type ScenarioResult,
  type Target,
} from './report'
import { baselineLaunch, freePort, keystoneLaunch, launch, waitIdle, type Started } from './server'
import { compareAnswers, countStatements, sampleSlugs } from './verify'

const repoRoot = path.resolve(__dirname, '../..')

function log(message: string) {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`)
}

/** Builds Keystone if there is no build; decides whether the Admin UI is served. */
function prepareBuild(ui: Options['ui']): boolean {
  const uiBuilt = existsSync(path.join(repoRoot, '.keystone/admin/.next'))
  const configBuilt = existsSync(path.join(repoRoot, '.keystone/config.js'))
  const withUi = ui === 'yes' || (ui === 'auto' && uiBuilt)
  if ((withUi && !uiBuilt) || !configBuilt) {
    const args = withUi ? ['build'] : ['build', '--no-ui']
    log(`no ${withUi ? 'Admin UI ' : ''}build found: keystone ${args.join(' ')}`)
    const cli = path.join(repoRoot, 'node_modules/@keystone-6/core/bin/cli.js')
    const run = spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, stdio: 'inherit' })
    if (run.status !== 0) throw new Error('keystone build failed')
  }
  return withUi
}

/** `npm run read-model:rebuild` on the archive; returns its wall time (ms). */
function rebuildReadModel(databaseUrl: string): number {
  const started = Date.now()
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/read-model.ts', 'rebuild'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`read-model rebuild failed:\n${run.stdout}\n${run.stderr}`)
  return Date.now() - started
}

/** Pins this process (the load generator) to CPU 1; the servers get CPU 0. */
function pin(mode: Options['pin']): boolean {
  if (mode === 'no') return false
  const possible = os.cpus().length >= 2 && spawnSync('taskset', ['-V']).status === 0
  if (!possible) {
    if (mode === 'yes') throw new Error('--pin=yes needs taskset and at least 2 CPUs')
    return false
  }
  execFileSync('taskset', ['-a', '-cp', '1', String(process.pid)], { stdio: 'ignore' })
  return true
}

async function scenario(
  options: Options,
  stories: number,
  pools: number,
  ui: boolean,
  pinned: boolean,
  failed: string[],
  notes: string[]
): Promise<ScenarioResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'warta-bench-'))
  const servers: Started[] = []
  try {
    log(`archive: ${stories} stories, pools ×${pools}`)
    const archive = buildArchive(dir, repoRoot, { stories, pools, seed: options.seed })
    log(`archive written in ${archive.generateMs} ms (migrations ${archive.migrateMs} ms)`)
    const rebuildMs = options.pages === 'warm' ? rebuildReadModel(archive.databaseUrl) : null
    if (rebuildMs !== null) log(`read model rebuilt in ${rebuildMs} ms`)
    const cpus = pinned ? '0' : null
    const keystone = await launch({
      name: 'keystone',
      ...keystoneLaunch(repoRoot, archive.databaseUrl, ui),
      cwd: repoRoot,
      port: await freePort(),
      cpus,
    })
    servers.push(keystone)
    log(`keystone answered after ${keystone.coldStartMs.toFixed(0)} ms`)
    const baseline = await launch({
      name: 'baseline',
      ...baselineLaunch(repoRoot, archive.file),
      cwd: repoRoot,
      port: await freePort(),
      cpus,
    })
    servers.push(baseline)
    if (/seeded|dev sign-in/i.test(keystone.output()))
      throw new Error(`Keystone seeded or printed dev accounts:\n${keystone.output()}`)

    const slugsOf = { stories: archive.storySlugs, authors: archive.authorSlugs }
    const selected = queries.filter(q => options.queries.includes(q.name))
    const context = { options, keystone, baseline, label: `${stories}×${pools}`, failed, notes }
    // Memory "under load": the peak from here on (VmHWM also covers the start).
    keystone.resetPeak()
    baseline.resetPeak()
    const results: QueryResult[] = []
    for (const [i, query] of selected.entries())
      results.push(await measure(context, query, query.slugs ? slugsOf[query.slugs] : [], i))
    const server = (s: Started) => ({
      coldStartMs: s.coldStartMs,
      peakRssUnderLoadMiB: s.peakRssMiB(),
      vmHwmMiB: s.hwmMiB(),
    })
    return {
      stories,
      pools,
      archive: {
        rows: archive.rows,
        migrateMs: archive.migrateMs,
        generateMs: archive.generateMs,
        bytes: statSync(archive.file).size,
        rebuildMs,
      },
      servers: { keystone: server(keystone), baseline: server(baseline) },
      queries: results,
    }
  } finally {
    for (const s of servers) await s.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

type Context = {
  options: Options
  keystone: Started
  baseline: Started
  label: string
  failed: string[]
  notes: string[]
}

/** One query: byte-identity check, SQL counts, then the load on each server in turn. */
async function measure(
  { options, keystone, baseline, label, failed, notes }: Context,
  query: BenchQuery,
  slugs: string[],
  index: number
): Promise<QueryResult> {
  const variables = sampleSlugs(query, slugs, options.check, options.seed + index)
  // Counted first: each sampled page's first request, a read-model miss when --pages=cold.
  const sql = {
    keystone: await countStatements(keystone.url, query, variables),
    baseline: await countStatements(baseline.url, query, variables),
  }
  const checkedAnswers = await compareAnswers(keystone.url, baseline.url, query, variables)
  log(`${query.name}: ${checkedAnswers} answers identical; SQL/request keystone ` +
    `${sql.keystone.max}, baseline ${sql.baseline.max}`) // prettier-ignore
  const loads = {} as Record<Target, LoadResult>
  for (const [target, server] of [
    ['keystone', keystone],
    ['baseline', baseline],
  ] as const) {
    const { connections, timeout, seconds, warmupSeconds, seed } = options
    const spec = { url: server.url, query, slugs, connections, timeout }
    if (warmupSeconds > 0) {
      await load({ ...spec, seconds: warmupSeconds, seed: seed + 1000 })
      await waitIdle(server.pid)
    }
    const result = await load({ ...spec, seconds, seed })
    const idleAfterMs = await waitIdle(server.pid)
    if (idleAfterMs > 2000) log(`${target} needed ${idleAfterMs} ms to finish abandoned requests`)
    loads[target] = result
    log(`${query.name} on ${target}: ${result.requestsPerSec.toFixed(1)} req/s, ` +
      `p50 ${result.latencyP50Ms} ms, p99 ${result.latencyP99Ms} ms`) // prettier-ignore
    const what = `${label} ${query.name} on ${target}`
    if (result.requests === 0) notes.push(`${what}: no request completed in ${seconds} s`)
    if (failures(result) > 0)
      failed.push(
        `${what}: ${failures(result)} failed requests (non-2xx ${result.non2xx}, errors ` +
          `${result.errors}, timeouts ${result.timeouts}, GraphQL errors ${result.graphqlErrors}); ` +
          `first: ${result.firstBad ?? '-'}`
      )
  }
  const ratio = loads.keystone.requestsPerSec / loads.baseline.requestsPerSec
  return { query: query.name, label: query.label, checkedAnswers, sql, load: loads, ratio }
}

async function main() {
  if (process.argv.includes('--help')) return console.log(USAGE)
  const options = parseOptions(process.argv.slice(2))
  const startedAt = new Date().toISOString()
  const loadavgStart = os.loadavg()
  const ui = prepareBuild(options.ui)
  const pinned = pin(options.pin)
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: repoRoot,
    encoding: 'utf8',
  })
  const failed: string[] = []
  const notes: string[] = []
  const scenarios: ScenarioResult[] = []
  for (const stories of options.stories)
    for (const pools of options.pools)
      scenarios.push(await scenario(options, stories, pools, ui, pinned, failed, notes))

  const run: RunResult = {
    startedAt,
    commit: commit.stdout.trim() || 'unknown',
    machine: {
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      loadavgStart,
      loadavgEnd: os.loadavg(),
    },
    settings: {
      seconds: options.seconds,
      warmupSeconds: options.warmupSeconds,
      connections: options.connections,
      timeoutSeconds: options.timeout,
      seed: options.seed,
      ui,
      pinned,
      pages: options.pages,
      loadGenerator: `autocannon ${require('autocannon/package.json').version}`,
    },
    scenarios,
    failures: failed,
    notes,
  }
  const outDir = path.resolve(repoRoot, options.out)
  mkdirSync(outDir, { recursive: true })
  const base = path.join(outDir, startedAt.replace(/[:.]/g, '-'))
  const text = markdown(run)
  writeFileSync(`${base}.json`, JSON.stringify(run, null, 2) + '\n')
  writeFileSync(`${base}.md`, text)
  console.log(`\n${text}\nResults: ${base}.json and ${base}.md`)
  if (failed.length) {
    console.error(`\n${failed.length} load run(s) had failed requests:\n- ${failed.join('\n- ')}`)
    process.exitCode = 1
  }
}

main().catch(error => {
  console.error(`bench: ${error instanceof Error ? error.message : error}`)
  process.exitCode = 1
})
