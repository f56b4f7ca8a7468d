// One scenario of `npm run bench`: an archive (stories × pools) with its published store, Warta
// and the bare baseline started as real processes, then for each query: byte identity, SQL
// statements per request, and the load on each server in turn; then the publish scenario.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { storedArchive, type StoreSlugs } from './archive-store'
import { failures, load, type LoadResult } from './load'
import type { Options } from './options'
import { benchPassword, createEditor, publishRuns, signIn } from './publish'
import { queries, requestBody, type BenchQuery, type Source } from './queries'
import type { QueryResult, ScenarioResult, Target } from './report'
import { baselineLaunch, freePort, keystoneLaunch, launch, waitIdle, type Started } from './server'
import { compareAnswers, countStatements, post, sampleValues } from './verify'

export type Run = { options: Options; repoRoot: string; ui: boolean; pinned: boolean; failed: string[]; notes: string[]; log: (m: string) => void } // prettier-ignore

/** Page 1's endCursor, from Warta's own answer: page 2's `after`. */
async function pageTwoCursor(url: string): Promise<string> {
  const front = queries.find(q => q.name === 'front')!
  const { text } = await post(url, requestBody(front, undefined))
  const cursor = JSON.parse(text)?.data?.stories?.pageInfo?.endCursor
  if (typeof cursor !== 'string') throw new Error(`no endCursor on the front page: ${text.slice(0, 300)}`) // prettier-ignore
  return cursor
}

export async function scenario(run: Run, stories: number, pools: number): Promise<ScenarioResult> {
  const { options, repoRoot, log } = run
  const dir = mkdtempSync(path.join(os.tmpdir(), 'warta-bench-'))
  const servers: Started[] = []
  try {
    log(`archive: ${stories} stories, pools ×${pools}`)
    const archive = storedArchive(
      dir,
      repoRoot,
      { stories, pools, seed: options.seed, drafts: options.publishes },
      options.cache,
      log
    )
    const password = benchPassword()
    createEditor(repoRoot, archive.databaseUrl, password)
    const cpus = run.pinned ? '0' : null
    const keystone = await launch({
      name: 'keystone',
      ...keystoneLaunch(repoRoot, archive.databaseUrl, run.ui),
      cwd: repoRoot,
      port: await freePort(),
      cpus,
    })
    servers.push(keystone)
    log(`Warta's Content API answered ${keystone.coldStartMs.toFixed(0)} ms after spawn`)
    const baseline = await launch({
      name: 'baseline',
      ...baselineLaunch(repoRoot, archive.file),
      cwd: repoRoot,
      port: await freePort(),
      cpus,
    })
    servers.push(baseline)

    const values: Record<Source, string[]> = {
      ...(archive.slugs as StoreSlugs),
      cursor: [await pageTwoCursor(keystone.url)],
    }
    const selected = queries.filter(q => options.queries.includes(q.name))
    const context = { run, keystone, baseline, label: `${stories}×${pools}` }
    // Memory "under load": the peak from here on (VmHWM also covers the start).
    keystone.resetPeak()
    baseline.resetPeak()
    const results: QueryResult[] = []
    for (const [i, query] of selected.entries())
      results.push(await measure(context, query, query.variable ? values[query.variable.from] : [], i)) // prettier-ignore
    const peakRssUnderLoadMiB = keystone.peakRssMiB()

    log(`publish scenario: ${archive.draftIds.length} drafts published then unpublished`)
    const cookie = await signIn(keystone.url, password)
    const publish = await publishRuns(keystone.url, cookie, archive.draftIds)
    log(`publish p50 ${publish.publish.p50Ms} ms, p95 ${publish.publish.p95Ms} ms`)
    const server = (s: Started, peak: number) => ({ coldStartMs: s.coldStartMs, peakRssUnderLoadMiB: peak, vmHwmMiB: s.hwmMiB() }) // prettier-ignore
    return {
      stories,
      pools,
      archive: {
        rows: archive.rows,
        migrateMs: archive.migrateMs,
        generateMs: archive.generateMs,
        bytes: archive.bytes,
        rebuildMs: archive.rebuildMs,
        stored: archive.stored,
        cached: archive.cached,
      },
      servers: { keystone: server(keystone, peakRssUnderLoadMiB), baseline: server(baseline, baseline.peakRssMiB()) }, // prettier-ignore
      queries: results,
      publish,
    }
  } finally {
    for (const s of servers) await s.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

type Context = { run: Run; keystone: Started; baseline: Started; label: string }

/** One query: byte-identity check, SQL counts, then the load on each server in turn. */
async function measure(
  { run, keystone, baseline, label }: Context,
  query: BenchQuery,
  values: string[],
  index: number
): Promise<QueryResult> {
  const { options, log, failed, notes } = run
  const variables = sampleValues(query, values, options.check, options.seed + index)
  const sql = {
    keystone: await countStatements(keystone.url, query, variables),
    baseline: await countStatements(baseline.url, query, variables),
  }
  const checked = await compareAnswers(keystone.url, baseline.url, query, variables)
  log(`${query.name}: ${checked.count} answers identical (mean ${checked.meanBytes.toFixed(0)} B); ` +
    `SQL/request warta ${sql.keystone.max}, baseline ${sql.baseline.max}`) // prettier-ignore
  const loads = {} as Partial<Record<Target, LoadResult>>
  const targets = query.floor ? (['keystone'] as const) : (['keystone', 'baseline'] as const)
  for (const target of targets) {
    const server = target === 'keystone' ? keystone : baseline
    const { connections, timeout, seconds, warmupSeconds, seed } = options
    const spec = { url: server.url, query, values, connections, timeout }
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
  const ratio = loads.baseline ? loads.keystone!.requestsPerSec / loads.baseline.requestsPerSec : null // prettier-ignore
  return { query: query.name, label: query.label, checkedAnswers: checked.count, answerBytes: checked.meanBytes, sql, load: loads, ratio } // prettier-ignore
}
