// The published store's reads stay index lookups whatever the archive's size: read-also targets
// are read by primary key. With the state and time in the WHERE, SQLite (no statistics, so the
// same plan at any size) ranged over the (state, publishedAt) index instead, every published
// story: 16 ms a story page at 100k stories (`npm run bench`). The plan is SQLite's; the rows
// the lookup keeps are checked on both databases.
import { describe, expect, it } from 'vitest'
import {
  listStories,
  profileBySlug,
  publishedStoriesById,
  storiesOfProfiles,
  storyBySlug,
} from '../../src/content/store'
import { sql as sqlTag, type Fragment, type Sql } from '../../src/content/sql'
import { testContext } from '../helpers/context'
import { onPostgres } from '../helpers/database'

const { context, reset } = await testContext()

/** The real database, with every statement's text and values kept for EXPLAIN. */
function recording(db: Sql) {
  const statements: { sql: string; values: unknown[] }[] = []
  const sql: Sql = {
    // The store calls it as a template tag: the same fragment Prisma would build.
    $queryRaw: (query: TemplateStringsArray | Fragment, ...values: unknown[]) => {
      const fragment = Array.isArray(query)
        ? sqlTag(query as TemplateStringsArray, ...(values as never[]))
        : (query as Fragment)
      statements.push({ sql: fragment.sql, values: fragment.values })
      return db.$queryRaw(fragment)
    },
    $executeRaw: (query: TemplateStringsArray | Fragment, ...values: unknown[]) =>
      db.$executeRaw(query as Fragment, ...values),
  }
  return { sql, statements }
}

const at = (ms: number) => {
  const iso = new Date(ms).toISOString()
  return onPostgres ? iso : iso.replace('Z', '+00:00')
}

async function store(id: string, state: string, publishedAt: number) {
  const time = onPostgres ? 'CAST(? AS timestamp(3))' : '?'
  const text = `INSERT INTO "ContentStory" ("articleId", "slug", "state", "publishedAt",
    "modifiedAt", "language", "data", "card") VALUES (?, ?, ?, ${time}, ${time}, 'id', '{}', ?)`
  let n = 0
  await context.prisma.$executeRawUnsafe(
    onPostgres ? text.replace(/\?/g, () => `$${++n}`) : text,
    id,
    `slug-${id}`,
    state,
    at(publishedAt),
    at(publishedAt),
    JSON.stringify({ id, slug: `slug-${id}`, card: true })
  )
}

describe('read-also targets', () => {
  it('keep only published, due stories, read by primary key', async () => {
    await reset()
    const now = Date.now()
    await store('a-published', 'published', now - 60_000)
    await store('b-scheduled', 'published', now + 3_600_000)
    await store('c-killed', 'killed', now - 60_000)
    for (let i = 0; i < 50; i++) await store(`z-other-${i}`, 'published', now - i * 1000)
    const { sql, statements } = recording(context.prisma as unknown as Sql)
    const ids = ['a-published', 'b-scheduled', 'c-killed', 'd-missing']
    const found = await publishedStoriesById(sql, ids, new Date(now))
    expect([...found.keys()]).toEqual(['a-published'])
    expect(found.get('a-published')).toMatchObject({ id: 'a-published', card: true })
    expect(statements).toHaveLength(1)
    if (onPostgres) return
    const { sql: text, values } = statements[0]!
    const plan = await context.prisma.$queryRawUnsafe<{ detail: string }[]>(
      `EXPLAIN QUERY PLAN ${text}`,
      ...values
    )
    const details = plan.map(row => row.detail).join('\n')
    expect(details).not.toMatch(/state_publishedAt/)
    expect(details).toMatch(/SEARCH .*ContentStory.*(autoindex|PRIMARY KEY).*articleId/)
  })
})

/** SQLite's plan for each recorded statement. */
async function plans(statements: { sql: string; values: unknown[] }[]) {
  const out: string[] = []
  for (const { sql: text, values } of statements) {
    const plan = await context.prisma.$queryRawUnsafe<{ detail: string }[]>(
      `EXPLAIN QUERY PLAN ${text}`,
      ...values
    )
    out.push(plan.map(row => row.detail).join('\n'))
  }
  return out
}

describe.skipIf(onPostgres)('every store read, on SQLite', () => {
  it('searches an index: no table scan, no sort of every story', async () => {
    const now = new Date()
    const { sql, statements } = recording(context.prisma as unknown as Sql)
    await context.prisma.$executeRawUnsafe(
      `INSERT INTO "ContentProfile" ("kind", "id", "slug", "data") VALUES ('person', 'p1', 'ani', '{}')`
    )
    await context.prisma.$executeRawUnsafe(
      `INSERT INTO "ContentStoryRef" ("storyId", "kind", "profileId", "publishedAt")
      VALUES ('a-published', 'person', 'p1', ?), ('a-published', 'author', 'p1', ?)`,
      at(now.getTime() - 60_000),
      at(now.getTime() - 60_000)
    )
    const cursor = { publishedAt: new Date(now.getTime() - 10_000), id: 'z-other-9' }
    await storyBySlug(sql, 'slug-a-published', now)
    await storyBySlug(sql, 'slug-a-published', now, 'card')
    await profileBySlug(sql, 'person', 'ani', now)
    await listStories(sql, { first: 20 }, now)
    await listStories(sql, { first: 20, cursor }, now)
    await listStories(sql, { first: 20, filter: { language: 'id' } }, now)
    await listStories(sql, { first: 20, filter: { author: 'ani', person: 'ani' }, cursor }, now)
    await storiesOfProfiles(sql, 'person', ['p1', 'p2'], 20, cursor, now)
    expect(statements.length).toBeGreaterThanOrEqual(9)
    for (const [i, plan] of (await plans(statements)).entries()) {
      const what = `${statements[i]!.sql}\n${plan}`
      // A SCAN of a store table reads all of it; SCAN of a subquery (p0, …) reads its rows only.
      expect(plan, what).not.toMatch(/SCAN (ContentStory|ContentStoryRef|ContentProfile|s|r|p)\b/)
      if (!/UNION ALL/.test(statements[i]!.sql)) expect(plan, what).not.toMatch(/TEMP B-TREE/)
    }
  })
})
