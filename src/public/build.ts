// Builds the public pages (./documents.ts) straight from SQL: the answer Keystone gives an
// anonymous reader, byte for byte, from index-backed reads whose number does not grow with the
// archive or with the number of pages built at once (a story page is 4 statements, for one story
// or for 500). Keystone's own resolvers read each to-many relationship through a filter that
// scans the whole related table; this is what makes a read-model miss, and a rebuild, cheap.
//
// The rules are Keystone's for a session-less reader (src/access/rules.ts), restated in SQL:
// - a story is visible when published and due, or killed after publication; a killed story
//   shows only id, headline, slug, status, its times and killReason (publicWhenKilled);
// - a profile (Person, Organization, Place, Tag) is visible when a published, due story refers
//   to it, so every profile a published story links to is visible through that story;
// - read-also links and corrections are visible when their story is published and due.
// test/public/build.test.ts holds this to Keystone's answers, on both databases.
import { join, raw, sqltag as sql, type Sql as Fragment } from '@prisma/client/runtime/client'
import { databaseProvider } from '../db/url.mjs'
import { anyOf, ref, type Ref } from './refs'
import type { Sql } from './read-model'

/** A built page: its `data`, and what it was read from (for dropping it); no refs when null. */
export type Built = { data: Record<string, unknown>; refs: Ref[] }
type Row = Record<string, unknown>

// ---- Values as Keystone's GraphQL scalars print them -----------------------------------------

const dateTime = (v: unknown) =>
  v == null ? null : (v instanceof Date ? v : new Date(v as string | number)).toISOString()
/** calendarDay: a string on SQLite, a DATE on PostgreSQL. */
const calendarDay = (v: unknown) =>
  v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v)
const int = (v: unknown) => (v == null ? null : Number(v))
/** A Json column: text on SQLite, parsed already on PostgreSQL (jsonb, in its key order). */
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v)

/** `now` compared with a DateTime column as Prisma stores it on each provider. */
function at(now: Date): Fragment {
  const iso = now.toISOString()
  return databaseProvider() === 'postgresql'
    ? sql`CAST(${iso} AS timestamp(3))`
    : sql`${iso.replace('Z', '+00:00')}` // the better-sqlite3 adapter's DateTime text
}

const due = (a: string, now: Date) =>
  sql`(${raw(a)}."status" = 'published' AND ${raw(a)}."publishedAt" <= ${at(now)})`
const visible = (a: string, now: Date) =>
  sql`(${due(a, now)} OR (${raw(a)}."status" = 'killed' AND ${raw(a)}."publishedAt" IS NOT NULL))`

function groupBy(rows: Row[], key: string): Map<unknown, Row[]> {
  const groups = new Map<unknown, Row[]>()
  for (const row of rows) {
    const group = groups.get(row[key])
    if (group) group.push(row)
    else groups.set(row[key], [row])
  }
  return groups
}

// ---- Story page --------------------------------------------------------------------------------

// The story's to-many profile relationships, in the document's order, with the fields it asks.
const PROFILE_FIELDS = {
  Person: ['name', 'slug', 'jobTitle'],
  Organization: ['name', 'shortName', 'slug'],
  Place: ['name', 'slug'],
  Tag: ['name', 'slug'],
} as const
type Profile = keyof typeof PROFILE_FIELDS
const RELATIONSHIPS: readonly { field: string; list: Profile; fields: readonly string[] }[] = [
  { field: 'authors', list: 'Person', fields: PROFILE_FIELDS.Person },
  { field: 'editors', list: 'Person', fields: ['name', 'slug'] },
  { field: 'people', list: 'Person', fields: PROFILE_FIELDS.Person },
  { field: 'organizations', list: 'Organization', fields: PROFILE_FIELDS.Organization },
  { field: 'places', list: 'Place', fields: PROFILE_FIELDS.Place },
  { field: 'tags', list: 'Tag', fields: PROFILE_FIELDS.Tag },
  { field: 'sources', list: 'Organization', fields: PROFILE_FIELDS.Organization },
]
// Every column any relationship selects, so that one UNION ALL reads them all.
const PROFILE_COLUMNS = ['name', 'slug', 'jobTitle', 'shortName'] as const

/** All to-many profile relationships of `ids`, in one statement, each ordered by slug. */
function profilesOf(db: Sql, ids: string[]) {
  const parts = RELATIONSHIPS.map(({ field, list }) => {
    const columns = PROFILE_COLUMNS.map(c =>
      (PROFILE_FIELDS[list] as readonly string[]).includes(c)
        ? raw(`x."${c}" AS "${c}"`)
        : raw(`NULL AS "${c}"`)
    )
    return sql`SELECT ${raw(`'${field}'`)} AS "rel", j."A" AS "article", x."id" AS "id", ${join(columns)}
      FROM ${raw(`"_Article_${field}"`)} j JOIN ${raw(`"${list}"`)} x ON x."id" = j."B"
      WHERE j."A" IN (${join(ids)})`
  })
  return db.$queryRaw<Row[]>`${join(parts, ' UNION ALL ')} ORDER BY "slug"`
}

// Fields of a killed story that anonymous readers still see (publicWhenKilled's exceptions).
const PUBLIC_WHEN_KILLED = new Set([
  'id',
  'headline',
  'slug',
  'status',
  'publishedAt',
  'updatedAt',
  'killedAt',
  'killReason',
])

/** Story pages by slug; a slug with no visible story maps to `{ article: null }`. */
export async function buildStories(db: Sql, slugs: string[], now = new Date()) {
  const built = new Map<string, Built>(slugs.map(s => [s, { data: { article: null }, refs: [] }]))
  if (slugs.length === 0) return built
  const rows = await db.$queryRaw<Row[]>`
    SELECT a."id", a."headline", a."slug", a."summary", a."body", a."language", a."dateline",
      dp."id" AS "dpId", dp."name" AS "dpName", dp."slug" AS "dpSlug", a."storyDate", a."status",
      a."publishedAt", a."updatedAt", a."killedAt", a."killReason", a."publicationNote",
      a."sourceCredit", a."copyrightNotice", a."originalUrl", ch."id" AS "chId",
      ch."name" AS "chName", ch."shortName" AS "chShortName", ch."slug" AS "chSlug",
      CASE WHEN ${visible('a', now)} THEN 1 ELSE 0 END AS "visible"
    FROM "Article" a
    LEFT JOIN "Place" dp ON dp."id" = a."datelinePlace"
    LEFT JOIN "Organization" ch ON ch."id" = a."copyrightHolder"
    WHERE a."slug" IN (${join(slugs)})`
  // Visibility is selected, not filtered on, so that the slug index is the only way in: with
  // many slugs, SQLite would otherwise walk the status index through the whole archive.
  const stories = rows.filter(s => Number(s.visible) === 1)
  const shown = stories.filter(s => s.status !== 'killed').map(s => String(s.id))
  const [profiles, links, corrections] =
    shown.length === 0
      ? [[], [], []]
      : await Promise.all([
          profilesOf(db, shown),
          db.$queryRaw<Row[]>`
            SELECT l."article", l."label", l."url", l."placement", l."afterParagraph",
              l."position", t."id" AS "tId", t."headline" AS "tHeadline", t."slug" AS "tSlug",
              CASE WHEN ${visible('t', now)} THEN 1 ELSE 0 END AS "tVisible"
            FROM "RelatedLink" l LEFT JOIN "Article" t ON t."id" = l."targetArticle"
            WHERE l."article" IN (${join(shown)}) ORDER BY l."position", l."id"`,
          db.$queryRaw<Row[]>`
            SELECT "article", "kind", "note", "createdAt" FROM "Correction"
            WHERE "article" IN (${join(shown)}) ORDER BY "createdAt", "id"`,
        ])
  const profilesBy = groupBy(profiles, 'article')
  const linksBy = groupBy(links, 'article')
  const correctionsBy = groupBy(corrections, 'article')

  for (const s of stories) {
    const id = String(s.id)
    const refs = [ref('Article', id)]
    const article: Row = {
      id,
      headline: s.headline,
      slug: s.slug,
      summary: s.summary,
      body: { document: json(s.body) },
      language: s.language,
      dateline: s.dateline,
      datelinePlace: s.dpId == null ? null : { name: s.dpName, slug: s.dpSlug },
      storyDate: calendarDay(s.storyDate),
      status: s.status,
      publishedAt: dateTime(s.publishedAt),
      updatedAt: dateTime(s.updatedAt),
      killedAt: dateTime(s.killedAt),
      killReason: s.killReason,
      publicationNote: s.publicationNote,
      sourceCredit: s.sourceCredit,
      copyrightNotice: s.copyrightNotice,
      originalUrl: s.originalUrl,
      copyrightHolder:
        s.chId == null ? null : { name: s.chName, shortName: s.chShortName, slug: s.chSlug },
    }
    if (s.status === 'killed') {
      for (const key of Object.keys(article)) if (!PUBLIC_WHEN_KILLED.has(key)) article[key] = null
      for (const { field } of RELATIONSHIPS) article[field] = null
      article.relatedLinks = null
      article.corrections = null
      built.set(String(s.slug), { data: { article }, refs })
      continue
    }
    if (s.dpId != null) refs.push(ref('Place', String(s.dpId)))
    if (s.chId != null) refs.push(ref('Organization', String(s.chId)))
    const mine = profilesBy.get(s.id) ?? []
    for (const { field, list, fields } of RELATIONSHIPS) {
      article[field] = mine
        .filter(p => p.rel === field)
        .map(p => {
          refs.push(ref(list, String(p.id)))
          return Object.fromEntries(fields.map(f => [f, p[f]]))
        })
    }
    article.relatedLinks = (linksBy.get(s.id) ?? []).map(l => {
      // A hidden target still counts: its publication changes this page.
      if (l.tId != null) refs.push(ref('Article', String(l.tId)))
      return {
        label: l.label,
        url: l.url,
        placement: l.placement,
        afterParagraph: int(l.afterParagraph),
        position: int(l.position),
        targetArticle: Number(l.tVisible) === 1 ? { headline: l.tHeadline, slug: l.tSlug } : null,
      }
    })
    article.corrections = (correctionsBy.get(s.id) ?? []).map(c => ({
      kind: c.kind,
      note: c.note,
      createdAt: dateTime(c.createdAt),
    }))
    built.set(String(s.slug), { data: { article }, refs })
  }
  return built
}

// Every ORDER BY ends on the id, as Keystone's answers do (src/graphql/stable-order.ts).

// ---- Latest 20 -------------------------------------------------------------------------------

export async function buildLatest(db: Sql, now = new Date()): Promise<Built> {
  const stories = await db.$queryRaw<Row[]>`
    SELECT a."id", a."headline", a."slug", a."summary", a."publishedAt", a."dateline"
    FROM "Article" a WHERE ${due('a', now)} ORDER BY a."publishedAt" DESC, a."id" LIMIT 20`
  const ids = stories.map(s => String(s.id))
  const authors =
    ids.length === 0
      ? []
      : await db.$queryRaw<Row[]>`
          SELECT j."A" AS "article", x."name", x."slug"
          FROM "_Article_authors" j JOIN "Person" x ON x."id" = j."B"
          WHERE j."A" IN (${join(ids)}) ORDER BY x."slug"`
  const authorsBy = groupBy(authors, 'article')
  const articles = stories.map(s => ({
    id: String(s.id),
    headline: s.headline,
    slug: s.slug,
    summary: s.summary,
    publishedAt: dateTime(s.publishedAt),
    dateline: s.dateline,
    authors: (authorsBy.get(s.id) ?? []).map(a => ({ name: a.name, slug: a.slug })),
  }))
  return { data: { articles }, refs: [anyOf('Article'), anyOf('Person')] }
}

// ---- Person page -------------------------------------------------------------------------------

const PERSON_BACK_REFS = ['authors', 'editors', 'people'] as const

// CROSS JOIN: SQLite then reads a person's stories through the join table (index on B), rather
// than every published story through the status index; PostgreSQL plans it as any inner join.

/** Person pages by slug; a slug with no visible person maps to `{ person: null }`. */
export async function buildPeople(db: Sql, slugs: string[], now = new Date()) {
  const built = new Map<string, Built>(slugs.map(s => [s, { data: { person: null }, refs: [] }]))
  if (slugs.length === 0) return built
  const referred = PERSON_BACK_REFS.map(
    field => sql`EXISTS (SELECT 1 FROM ${raw(`"_Article_${field}"`)} j
      CROSS JOIN "Article" a WHERE a."id" = j."A" AND j."B" = p."id" AND ${due('a', now)})`
  )
  const people = await db.$queryRaw<Row[]>`
    SELECT p."id", p."name", p."slug", p."jobTitle", p."description" FROM "Person" p
    WHERE p."slug" IN (${join(slugs)}) AND (${join(referred, ' OR ')})`
  const ids = people.map(p => String(p.id))
  // Each person's latest 20, for any number of people in one statement.
  const authored =
    ids.length === 0
      ? []
      : await db.$queryRaw<Row[]>`
          SELECT r."person", r."headline", r."slug", r."summary", r."publishedAt" FROM (
            SELECT j."B" AS "person", a."headline", a."slug", a."summary", a."publishedAt",
              ROW_NUMBER() OVER (PARTITION BY j."B" ORDER BY a."publishedAt" DESC, a."id") AS "n"
            FROM "_Article_authors" j CROSS JOIN "Article" a
            WHERE a."id" = j."A" AND j."B" IN (${join(ids)}) AND ${due('a', now)}
          ) r WHERE r."n" <= 20 ORDER BY r."person", r."n"`
  const authoredBy = groupBy(authored, 'person')
  for (const p of people) {
    const person = {
      name: p.name,
      slug: p.slug,
      jobTitle: p.jobTitle,
      description: p.description,
      authored: (authoredBy.get(p.id) ?? []).map(a => ({
        headline: a.headline,
        slug: a.slug,
        summary: a.summary,
        publishedAt: dateTime(a.publishedAt),
      })),
    }
    built.set(String(p.slug), {
      data: { person },
      refs: [ref('Person', String(p.id)), anyOf('Article')],
    })
  }
  return built
}

// ---- Expiry ----------------------------------------------------------------------------------

/** When the next scheduled story goes out: pages built now may change then. */
export async function nextScheduled(db: Sql, now = new Date()): Promise<Date | null> {
  const [row] = await db.$queryRaw<Row[]>`
    SELECT MIN(a."publishedAt") AS "at" FROM "Article" a
    WHERE a."status" = 'published' AND a."publishedAt" > ${at(now)}`
  return row?.at == null ? null : new Date(dateTime(row.at)!)
}
