// `node --import tsx scripts/bench/content-memory.ts [--stories=120] [--long-reads=120] [--words=50000]`: the
// memory attacks of issue 14 against the production build (`npm start`'s heap: 192 MiB). Builds
// an archive with 50,000-word long reads, rebuilds the Content API's store, then sends, one
// after another, each attack (refused or bounded) and the worst answers the budgets allow,
// alone and two at once, recording peak RSS. Needs a build (`npx keystone build --no-ui`).
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { BUDGET } from '../../src/content/budget'
import { buildArchive } from './archive'
import { freePort, keystoneLaunch, launch, waitIdle, type Started } from './server'

const repoRoot = path.resolve(__dirname, '../..')
const arg = (name: string, fallback: number) =>
  Number(process.argv.find(a => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback)

/** A story body of `--words` words (50,000) as the document field stores it. */
function longRead() {
  const words = ['pemerintah', 'daerah', 'menetapkan', 'anggaran', 'banjir', 'warga', 'kota']
  return JSON.stringify(
    Array.from({ length: Math.ceil(arg('words', 50_000) / 100) }, (_, p) => ({
      type: 'paragraph',
      children: [{ text: Array.from({ length: 100 }, (_, w) => words[(p + w) % 7]).join(' ') }],
    }))
  )
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const page = (first: number, body = 'body { document html }') =>
  `stories(first: ${first}) { nodes { slug ${body} } }`

async function post(server: Started, api: string, body: unknown) {
  const response = await fetch(`${server.url}${api}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, mib: +(text.length / 1048576).toFixed(1) }
}

async function step(server: Started, name: string, run: () => Promise<unknown>) {
  await waitIdle(server.pid, 10_000)
  server.resetPeak()
  const started = performance.now()
  const result = await run()
  const ms = Math.round(performance.now() - started)
  const peak = Math.round(server.peakRssMiB())
  console.log(`${name}: ${JSON.stringify(result)} ${ms} ms, peak RSS ${peak} MiB`)
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'warta-memory-'))
  const archive = buildArchive(dir, repoRoot, { stories: arg('stories', 120), pools: 1, seed: 14 })
  const db = new Database(archive.file)
  const long = db.prepare('UPDATE "Article" SET "body" = ? WHERE "slug" = ?')
  for (const slug of archive.storySlugs.slice(0, arg('long-reads', 120))) long.run(longRead(), slug)
  db.close()
  const rebuild = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/content.ts', 'rebuild'],
    {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: archive.databaseUrl },
      encoding: 'utf8',
    }
  )
  if (rebuild.status !== 0) throw new Error(`content rebuild failed:\n${rebuild.stderr}`)
  const spec = keystoneLaunch(repoRoot, archive.databaseUrl, false)
  const server = await launch({
    name: 'keystone',
    ...spec,
    cwd: repoRoot,
    port: await freePort(),
    cpus: null,
  })
  const content = (body: unknown) => post(server, '/api/content/graphql', body)
  const staff = (body: unknown) => post(server, '/api/graphql', body)
  try {
    console.log(`idle RSS ${Math.round(server.peakRssMiB())} MiB`)
    const three = `{ a0: ${page(100)} a1: ${page(100)} a2: ${page(100)} }`
    await step(server, '1. 3 aliases × 100 bodies', () => content({ query: three }))
    const hundred = { query: `{ ${page(100, 'body { html }')} }` }
    await step(server, '1. two × 100 bodies at once', () =>
      Promise.all([content(hundred), content(hundred)])
    )
    const worst = { query: `{ ${page(BUDGET.bodies)} }` }
    await step(server, `worst allowed: ${BUDGET.bodies} bodies (document + html)`, () =>
      content(worst)
    )
    await step(server, 'worst allowed, two at once', () =>
      Promise.all([content(worst), content(worst)])
    )
    await step(server, 'worst allowed, four at once', () =>
      Promise.all([1, 2, 3, 4].map(() => content(worst)))
    )
    await step(server, '2. 300 different ~10 KB queries', async () => {
      const statuses: Record<number, number> = {}
      for (let i = 0; i < 300; i++) {
        const query =
          i % 2
            ? `query Q${i} { stories(first: 1) { nodes { ${'copyrightNotice '.repeat(600)} } } }`
            : `query Q${i} { stories(first: 1) { nodes { slug } } } # ${'p'.repeat(9_900)}`
        const { status } = await content({ query })
        statuses[status] = (statuses[status] ?? 0) + 1
      }
      return statuses
    })
    await step(server, '3. 1,000 refused 99 KB persisted queries', async () => {
      const statuses: Record<number, number> = {}
      for (let i = 0; i < 1000; i++) {
        const query = `query Q${i} { stories { nodes { slug } } } # ${'x'.repeat(99_000)}`
        const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } }
        const { status } = await content({ query, extensions })
        statuses[status] = (statuses[status] ?? 0) + 1
      }
      return statuses
    })
    await step(server, '4. 700 staff queries padded with 60 KB comments', async () => {
      const statuses: Record<number, number> = {}
      for (let i = 0; i < 700; i++) {
        const query = `# ${'p'.repeat(60_000)}\nquery Q${i} { articles(take: 1) { id } }`
        const { status } = await staff({ query })
        statuses[status] = (statuses[status] ?? 0) + 1
      }
      return statuses
    })
    const fifty = { query: '{ articles(take: 50) { id headline body { document } } }' }
    await step(server, '4. then the staff 50-body query', () => staff(fifty))
    await step(server, 'then the staff 50-body query, two at once', () =>
      Promise.all([staff(fifty), staff(fifty)])
    )
    await step(server, 'then worst allowed content, two at once', () =>
      Promise.all([content(worst), content(worst)])
    )
    const alive = (await content({ query: '{ stories(first: 1) { nodes { slug } } }' })).status
    console.log(`VmHWM over the run: ${Math.round(server.hwmMiB())} MiB; alive: ${alive === 200}`)
  } finally {
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

void main().catch(error => {
  console.error(error)
  process.exit(1)
})
