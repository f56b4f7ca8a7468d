// The published store's reads stay index lookups whatever the archive's size: read-also targets
// are read by primary key. With the state and time in the WHERE, SQLite (no statistics, so the
// same plan at any size) ranged over the (state, publishedAt) index instead, every published
// story: 16 ms a story page at 100k stories (`npm run bench`). The plan is SQLite's; the rows
// the lookup keeps are checked on both databases.
import { describe, expect, it } from 'vitest'
import { publishedStoriesById } from '../../src/content/store'
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
