// Working-copy timings at archive scale (issue 14): p50/p95 of an editor's save of a published
// story (updateArticle: version claim, revision, baseline on the first save) and of
// publishChanges, in-process through Keystone's GraphQL on a synthetic SQLite archive.
//   npx tsx scripts/bench/working-copy.ts [stories=100000] [rounds=40]
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { getContext } from '@keystone-6/core/context'
import { buildArchive } from './archive'

async function main() {
  const stories = Number(process.argv[2] ?? 100_000)
  const rounds = Number(process.argv[3] ?? 40)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'warta-wc-bench-'))
  const repoRoot = process.cwd()
  const archive = buildArchive(dir, repoRoot, { stories, pools: 1, seed: 7 })
  process.env.DATABASE_URL = archive.databaseUrl
  const { default: config } = await import('../../keystone')
  const PrismaModule = await import('../../generated/prisma/client')
  const { rebuildStore } = await import('../../src/content/publisher')
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a script's context
  const context = getContext(config, PrismaModule) as any
  const t0 = Date.now()
  console.log(
    `archive: ${stories} stories; store rebuilt: ${await rebuildStore(context.prisma)}` +
      ` in ${Date.now() - t0} ms`
  )
  const user = await context.sudo().db.User.createOne({
    data: {
      name: 'Bench Editor',
      email: 'bench@warta.test',
      password: 'bench-long-password-1',
      role: 'editor',
    },
  })
  const editor = context.withSession({
    listKey: 'User',
    itemId: String(user.id),
    data: { id: String(user.id), name: 'Bench Editor', role: 'editor', isActive: true },
  })
  const slugs = archive.storySlugs
  const pick = (i: number) => slugs[(i * 7919) % slugs.length]!

  async function timed(fn: () => Promise<{ errors?: readonly unknown[] }>) {
    const started = performance.now()
    const { errors } = await fn()
    if (errors?.length) throw new Error(JSON.stringify(errors[0]))
    return performance.now() - started
  }
  const version = async (slug: string) =>
    (await context.sudo().db.Article.findOne({ where: { slug } })).version as number
  const saveOf = (slug: string, v: number, i: number) =>
    editor.graphql.raw({
      query: `mutation($s: String!, $v: Int!, $h: String!) {
        updateArticle(where: { slug: $s }, data: { version: $v, headline: $h }) { id } }`,
      variables: { s: slug, v, h: `Judul bench ${i}` },
    })

  const firstSaves: number[] = []
  const saves: number[] = []
  const publishes: number[] = []
  for (let i = 0; i < rounds; i++) {
    const slug = pick(i)
    // The first save of an archived story also records its baseline revision.
    firstSaves.push(await timed(async () => saveOf(slug, await version(slug), i)))
    const v = await version(slug)
    saves.push(await timed(() => saveOf(slug, v, i + 1000)))
    const w = await version(slug)
    publishes.push(
      await timed(() =>
        editor.graphql.raw({
          query: `mutation($s: String!, $v: Int!) {
            publishChangesArticle(where: { slug: $s }, version: $v) { id } }`,
          variables: { s: slug, v: w },
        })
      )
    )
  }
  const pct = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)]!.toFixed(1)
  for (const [name, xs] of [
    ['first save (with baseline)', firstSaves],
    ['save of a working copy', saves],
    ['publishChanges', publishes],
  ] as const) {
    console.log(`${name}: p50 ${pct(xs, 0.5)} ms, p95 ${pct(xs, 0.95)} ms (${xs.length} runs)`)
  }
  await context.prisma.$disconnect()
  rmSync(dir, { recursive: true, force: true })
}

main().catch(error => {
  console.error(error)
  process.exitCode = 1
})
