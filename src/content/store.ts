// Reads of the published store, for the Content API's resolvers: each a fixed number of indexed
// statements, whatever the number of results. The store holds only live copies (./publisher.ts);
// the one condition restated here is time: scheduled stories (and profiles only they use) are
// stored with their future publishedAt and served from then on, so every read filters
// `publishedAt <= now`. That is when, not whether: visibility itself is ./live-copy.ts's.
import type { ProfileKind, RefKind } from './live-copy'
import type { Reads } from './reader'
import { at, join, raw, sql, toDate, type Fragment, type Row } from './sql'

/** A stored story's prepared answer (see liveCopy). */
export type StoryData = Record<string, unknown> & { id: string; slug: string; publishedAt: string }
export type ProfileData = Record<string, unknown> & { id: string; slug: string }
/** Where a page of stories starts: after this (publishedAt, id) in newest-first order. */
export type Cursor = { publishedAt: Date; id: string }
export type Page = { nodes: StoryData[]; hasNextPage: boolean }

export type StoryFilter = {
  author?: string | null
  tag?: string | null
  person?: string | null
  organization?: string | null
  place?: string | null
  language?: string | null
  publishedAfter?: Date | null
  publishedBefore?: Date | null
}

const parse = <T>(row: Row) => JSON.parse(String(row.data)) as T

/** Full copies of stored stories by id (a listing asking for what cards leave out). */
export async function storiesById(db: Reads, ids: readonly string[]) {
  const out = new Map<string, StoryData>()
  if (ids.length === 0) return out
  const rows = await db.$queryRaw<Row[]>`
    SELECT "articleId", "data" FROM "ContentStory" WHERE "articleId" IN (${join([...ids])})`
  for (const row of rows) out.set(String(row.articleId), parse<StoryData>(row))
  return out
}

/** A story reachable by its slug now (published and due, or a kill notice). */
export async function storyBySlug(
  db: Reads,
  slug: string,
  now: Date,
  /** `card` when the query asks for nothing a card leaves out: less to read and parse. */
  column: 'data' | 'card' = 'data'
): Promise<StoryData | null> {
  const [row] = await db.$queryRaw<Row[]>`
    SELECT ${raw(`"${column}"`)} AS "data" FROM "ContentStory"
    WHERE "slug" = ${slug} AND "publishedAt" <= ${at(now)}`
  return row ? parse<StoryData>(row) : null
}

/**
 * Published, due stories by id (read-also targets), as cards: one statement for any number. The
 * statement reads by primary key only and the state and time are checked here: with them in the
 * WHERE, SQLite ranged over the (state, publishedAt) index instead, every published story
 * (16 ms a story page at 100k stories, measured by `npm run bench`).
 */
export async function publishedStoriesById(db: Reads, ids: readonly string[], now: Date) {
  const out = new Map<string, StoryData>()
  if (ids.length === 0) return out
  const rows = await db.$queryRaw<Row[]>`
    SELECT "articleId", "state", "publishedAt", "card" AS "data" FROM "ContentStory"
    WHERE "articleId" IN (${join([...ids])})`
  for (const row of rows)
    if (row.state === 'published' && toDate(row.publishedAt)! <= now)
      out.set(String(row.articleId), parse<StoryData>(row))
  return out
}

/**
 * A profile by slug, while a published, due story uses it. (Slugs are unique per list, so one row
 * matches; no ORDER BY, which would make SQLite walk every profile of the kind by id.)
 */
export async function profileBySlug(
  db: Reads,
  kind: ProfileKind,
  slug: string,
  now: Date
): Promise<ProfileData | null> {
  const [row] = await db.$queryRaw<Row[]>`
    SELECT p."data" FROM "ContentProfile" p
    WHERE p."kind" = ${kind} AND p."slug" = ${slug} AND EXISTS (
      SELECT 1 FROM "ContentStoryRef" r
      WHERE r."kind" = p."kind" AND r."profileId" = p."id" AND r."publishedAt" <= ${at(now)})
    LIMIT 1`
  return row ? parse<ProfileData>(row) : null
}

/** Newest first, ties broken by id: the keyset condition for "after the cursor". */
function after(publishedAt: string, id: string, cursor: Cursor | null | undefined): Fragment {
  if (!cursor) return sql`1 = 1`
  const p = raw(publishedAt)
  const i = raw(id)
  return sql`(${p} < ${at(cursor.publishedAt)}
    OR (${p} = ${at(cursor.publishedAt)} AND ${i} > ${cursor.id}))`
}

const toPage = (rows: Row[], first: number): Page => ({
  nodes: rows.slice(0, first).map(row => parse<StoryData>(row)),
  hasNextPage: rows.length > first,
})

// Each profile filter: the profile kind its slug names, and the refs it reads.
const PROFILE_FILTERS = [
  ['author', 'person', 'author'],
  ['tag', 'tag', 'tag'],
  ['person', 'person', 'person'],
  ['organization', 'organization', 'organization'],
  ['place', 'place', 'place'],
] as const

/**
 * A page of published, due stories, newest first, matching every filter given: one index range
 * (over the stories, or over one profile's refs) and, with profile filters, one lookup of their
 * slugs before it.
 */
export async function listStories(
  db: Reads,
  { first, cursor, filter }: { first: number; cursor?: Cursor | null; filter?: StoryFilter | null },
  now: Date
): Promise<Page> {
  if (first === 0) return { nodes: [], hasNextPage: false }
  const wanted = PROFILE_FILTERS.flatMap(([name, kind, refKind]) => {
    const slug = filter?.[name]
    return slug == null ? [] : [{ kind, refKind, slug }]
  })
  const profiles: { kind: string; id: string }[] = []
  if (wanted.length > 0) {
    const rows = await db.$queryRaw<Row[]>`
      SELECT "kind", "slug", "id" FROM "ContentProfile"
      WHERE ${join(
        wanted.map(w => sql`("kind" = ${w.kind} AND "slug" = ${w.slug})`),
        ' OR '
      )}`
    for (const w of wanted) {
      const row = rows.find(r => r.kind === w.kind && r.slug === w.slug)
      if (!row) return { nodes: [], hasNextPage: false } // no such profile in the store
      profiles.push({ kind: w.refKind, id: String(row.id) })
    }
  }
  const conditions: Fragment[] = []
  const time = (column: string) => {
    const c = raw(column)
    if (filter?.publishedAfter) conditions.push(sql`${c} > ${at(filter.publishedAfter)}`)
    if (filter?.publishedBefore) conditions.push(sql`${c} < ${at(filter.publishedBefore)}`)
  }
  if (filter?.language != null) conditions.push(sql`s."language" = ${filter.language}`)
  const limit = first + 1
  if (profiles.length === 0) {
    time('s."publishedAt"')
    const rows = await db.$queryRaw<Row[]>`
      SELECT s."card" AS "data" FROM "ContentStory" s
      WHERE s."state" = 'published' AND s."publishedAt" <= ${at(now)}
        AND ${after('s."publishedAt"', 's."articleId"', cursor)}
        ${conditions.length ? sql`AND ${join(conditions, ' AND ')}` : sql``}
      ORDER BY s."publishedAt" DESC, s."articleId" LIMIT ${limit}`
    return toPage(rows, first)
  }
  // The first profile's refs are the range read; the others must also be used by the story.
  const [lead, ...others] = profiles
  time('r."publishedAt"')
  for (const o of others) {
    conditions.push(sql`EXISTS (SELECT 1 FROM "ContentStoryRef" o WHERE o."storyId" = r."storyId"
      AND o."kind" = ${o.kind} AND o."profileId" = ${o.id})`)
  }
  const rows = await db.$queryRaw<Row[]>`
    SELECT s."card" AS "data" FROM "ContentStoryRef" r
      JOIN "ContentStory" s ON s."articleId" = r."storyId"
    WHERE r."kind" = ${lead!.kind} AND r."profileId" = ${lead!.id}
      AND r."publishedAt" <= ${at(now)} AND ${after('r."publishedAt"', 'r."storyId"', cursor)}
      ${conditions.length ? sql`AND ${join(conditions, ' AND ')}` : sql``}
    ORDER BY r."publishedAt" DESC, r."storyId" LIMIT ${limit}`
  return toPage(rows, first)
}

/**
 * Pages of stories for many profiles of one kind at once (a profile's `stories` field at one
 * level of a query): one statement, one index range per profile.
 */
export async function storiesOfProfiles(
  db: Reads,
  kind: RefKind,
  profileIds: readonly string[],
  first: number,
  cursor: Cursor | null | undefined,
  now: Date
): Promise<Map<string, Page>> {
  const out = new Map<string, Page>()
  if (profileIds.length === 0 || first === 0) {
    for (const id of profileIds) out.set(id, { nodes: [], hasNextPage: false })
    return out
  }
  // Each part in a subquery of its own (its ORDER BY and LIMIT), each with its own alias.
  const parts = profileIds.map(
    (id, i) => sql`SELECT * FROM (
      SELECT r."profileId" AS "owner", r."publishedAt" AS "at", r."storyId" AS "sid",
        s."card" AS "data"
      FROM "ContentStoryRef" r JOIN "ContentStory" s ON s."articleId" = r."storyId"
      WHERE r."kind" = ${kind} AND r."profileId" = ${id} AND r."publishedAt" <= ${at(now)}
        AND ${after('r."publishedAt"', 'r."storyId"', cursor)}
      ORDER BY r."publishedAt" DESC, r."storyId" LIMIT ${first + 1}) ${raw(`"p${i}"`)}`
  )
  const rows = await db.$queryRaw<Row[]>`${join(parts, ' UNION ALL ')}
    ORDER BY "owner", "at" DESC, "sid"`
  const grouped = new Map<string, Row[]>()
  for (const row of rows) {
    const owner = String(row.owner)
    grouped.set(owner, [...(grouped.get(owner) ?? []), row])
  }
  for (const id of profileIds) out.set(id, toPage(grouped.get(id) ?? [], first))
  return out
}
