// `node --import tsx scripts/bench/budgets.ts [--stories=60] [--long-reads=10]`: the GraphQL
// budgets (src/graphql/budgets.ts) against the heap `npm start` gives the process. Builds an
// archive of published stories (some of them 50,000-word long reads), starts the production
// build as `npm start` does, then sends the worst queries each budget allows, one at a time,
// recording time and the peak RSS of the process, and issue 12's attacks, which must be refused
// in milliseconds. Needs a build (`npm run build` or `npx keystone build --no-ui`).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { buildArchive } from './archive'
import { freePort, keystoneLaunch, launch, waitIdle, type Started } from './server'

const repoRoot = path.resolve(__dirname, '../..')
const PASSWORD = 'bench-budgets-password'
const arg = (name: string, fallback: number) =>
  Number(process.argv.find(a => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback)

const aliases = (n: number, field: string) =>
  Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')

/** The worst each caller may send: the most rows, bodies and relationships its budget allows. */
const WORST = {
  // Anonymous callers may only sign in (src/graphql/staff-only.ts): their worst is a refusal.
  anonymous: {
    'refused: 50 stories with body': '{ articles(take: 50) { id headline body { document } } }',
  },
  staff: {
    'bodies: 2 aliases × 60 stories with body (120 stories)': `{ ${aliases(2, 'articles(take: 60) { id headline body { document } }')} }`,
    'queries: 100 stories × 6 relationships (601 queries)':
      '{ articles(take: 100) { id a1: authors { name } a2: editors { name } a3: people { name } a4: tags { name } a5: places { name } a6: organizations { name } } }',
  },
}

const ATTACKS = {
  '100 aliases of articles(take: 50) { id headline authors { name } }': `{ ${aliases(100, 'articles(take: 50) { id headline authors { name } }')} }`,
  'articles { id authors { id authored { id authors { id } } } }':
    '{ articles { id authors { id authored { id authors { id } } } } }',
  '10-level authors/authored chain': (() => {
    let inner = 'id'
    for (let i = 10; i > 0; i--) inner = `id ${i % 2 ? 'authors' : 'authored'} { ${inner} }`
    return `{ articles { ${inner} } }`
  })(),
}

/** A story body of `--long-read-words` words (50,000), as the document field stores it. */
function longRead() {
  const paragraphs = Math.ceil(arg('long-read-words', 50_000) / 100)
  const words = ['pemerintah', 'daerah', 'menetapkan', 'anggaran', 'banjir', 'warga', 'kota']
  return JSON.stringify(
    Array.from({ length: paragraphs }, (_, p) => ({
      type: 'paragraph',
      children: [{ text: Array.from({ length: 100 }, (_, w) => words[(p + w) % 7]).join(' ') }],
    }))
  )
}

async function send(server: Started, query: string, cookie?: string) {
  await waitIdle(server.pid, 10_000)
  server.resetPeak()
  const started = performance.now()
  const response = await fetch(`${server.url}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query }),
  })
  const text = await response.text()
  const ms = performance.now() - started
  const body = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }
  return {
    status: response.status,
    code: body.errors?.[0]?.extensions?.code ?? (body.errors ? 'ERROR' : 'ok'),
    ms: Math.round(ms),
    responseMiB: +(text.length / 1024 / 1024).toFixed(1),
    peakRssMiB: Math.round(server.peakRssMiB()),
  }
}

async function main() {
  const stories = arg('stories', 60)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'warta-budgets-'))
  const archive = buildArchive(dir, repoRoot, { stories, pools: 1, seed: 12 })
  const db = new Database(archive.file)
  const long = db.prepare('UPDATE "Article" SET "body" = ? WHERE "slug" = ?')
  for (const slug of archive.storySlugs.slice(0, arg('long-reads', 10))) long.run(longRead(), slug)
  db.close()
  const seed = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: archive.databaseUrl, WARTA_DEV_PASSWORD: PASSWORD },
    encoding: 'utf8',
  })
  if (seed.status !== 0) throw new Error(`seeding the accounts failed:\n${seed.stderr}`)

  const spec = keystoneLaunch(repoRoot, archive.databaseUrl, false)
  const server = await launch({
    name: 'keystone',
    ...spec,
    cwd: repoRoot,
    port: await freePort(),
    cpus: null,
  })
  try {
    const signIn = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { authenticateUserWithPassword(email: "editor@warta.test", password: "${PASSWORD}") { __typename } }`,
      }),
    })
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!
    console.log(
      `${stories} published stories (${arg('long-reads', 10)} of ${arg('long-read-words', 50_000)} words, ${(longRead().length / 1048576).toFixed(2)} MiB); idle RSS ${Math.round(server.peakRssMiB())} MiB`
    )
    for (const [caller, queries] of Object.entries(WORST)) {
      for (const [name, query] of Object.entries(queries)) {
        const result = await send(server, query, caller === 'staff' ? cookie : undefined)
        console.log(`worst allowed, ${caller}: ${name}: ${JSON.stringify(result)}`)
      }
    }
    for (const [name, query] of Object.entries(ATTACKS)) {
      console.log(`attack, anonymous: ${name}: ${JSON.stringify(await send(server, query))}`)
      console.log(`attack, staff: ${name}: ${JSON.stringify(await send(server, query, cookie))}`)
    }
    console.log(
      `VmHWM over the run: ${Math.round(server.hwmMiB())} MiB; alive: ${(await send(server, '{ articlesCount }')).status === 200}`
    )
  } finally {
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

void main().catch(error => {
  console.error(error)
  process.exit(1)
})
