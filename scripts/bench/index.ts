// `npm run bench`: for each archive size and pool multiplier, build the archive and its published
// store (cached between runs), start Warta (the production build, as `npm start`) and the bare
// baseline as real processes, check that they answer byte-identical JSON on the Content API,
// count SQL statements per request, load each query on each server for a fixed time at a fixed
// concurrency, then time publishing. Results go to <out>/<timestamp>.{json,md}.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseOptions, USAGE, type Options } from './options'
import { markdown, type RunResult, type ScenarioResult } from './report'
import { scenario } from './scenario'

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
  const run = { options, repoRoot, ui, pinned, failed, notes, log }
  for (const stories of options.stories)
    for (const pools of options.pools) scenarios.push(await scenario(run, stories, pools))

  const result: RunResult = {
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
      publishes: options.publishes,
      loadGenerator: `autocannon ${require('autocannon/package.json').version}`,
    },
    scenarios,
    failures: failed,
    notes,
  }
  const outDir = path.resolve(repoRoot, options.out)
  mkdirSync(outDir, { recursive: true })
  const base = path.join(outDir, startedAt.replace(/[:.]/g, '-'))
  const text = markdown(result)
  writeFileSync(`${base}.json`, JSON.stringify(result, null, 2) + '\n')
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
