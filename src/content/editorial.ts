// Reads articles with everything their live copy may use from the editorial tables, for any
// number of articles in a fixed number of statements (4). Only the publisher calls this.
import { raw } from '@prisma/client/runtime/client'
import type { EditorialProfile, EditorialStory } from './live-copy'
import { fromJson, groupBy, join, sql, toDate, toDay, type Row, type Sql } from './sql'

// Each to-many relationship: its join table (A = article, B = profile) and profile table.
const MANY = [
  ['authors', 'Person'],
  ['editors', 'Person'],
  ['people', 'Person'],
  ['organizations', 'Organization'],
  ['sources', 'Organization'],
  ['places', 'Place'],
  ['tags', 'Tag'],
] as const
const ONE = [
  ['datelinePlace', 'Place'],
  ['copyrightHolder', 'Organization'],
] as const
const COLUMNS: Record<string, readonly string[]> = {
  Person: ['name', 'slug', 'jobTitle', 'description'],
  Organization: ['name', 'slug', 'shortName', 'kind', 'description', 'url'],
  Place: ['name', 'slug', 'alternateName', 'kind', 'countryCode'],
  Tag: ['name', 'slug'],
}
const ALL_COLUMNS = [...new Set(Object.values(COLUMNS).flat())]

function columnsOf(table: string) {
  return join(
    ALL_COLUMNS.map(c => raw(COLUMNS[table]!.includes(c) ? `x."${c}" AS "${c}"` : `NULL AS "${c}"`))
  )
}

/** Every profile of `ids`, each row tagged with its relationship and article: one statement. */
function profilesOf(db: Sql, ids: string[]) {
  const parts = [
    ...MANY.map(
      ([field, table]) => sql`SELECT ${raw(`'${field}'`)} AS "rel", j."A" AS "article",
        x."id" AS "id", ${columnsOf(table)}
        FROM ${raw(`"_Article_${field}"`)} j JOIN ${raw(`"${table}"`)} x ON x."id" = j."B"
        WHERE j."A" IN (${join(ids)})`
    ),
    ...ONE.map(
      ([field, table]) => sql`SELECT ${raw(`'${field}'`)} AS "rel", a."id" AS "article",
        x."id" AS "id", ${columnsOf(table)}
        FROM "Article" a JOIN ${raw(`"${table}"`)} x ON x."id" = a.${raw(`"${field}"`)}
        WHERE a."id" IN (${join(ids)})`
    ),
  ]
  return db.$queryRaw<Row[]>`${join(parts, ' UNION ALL ')}`
}

const profile = (row: Row): EditorialProfile => {
  const out: EditorialProfile = { id: String(row.id), slug: String(row.slug) }
  for (const c of ALL_COLUMNS) if (c !== 'slug') out[c] = row[c] ?? null
  return out
}

/** The articles with these ids that exist; relationships are read only for live statuses. */
export async function loadStories(db: Sql, ids: string[]): Promise<EditorialStory[]> {
  if (ids.length === 0) return []
  const rows = await db.$queryRaw<Row[]>`
    SELECT "id", "slug", "status", "headline", "summary", "body", "language", "dateline",
      "storyDate", "publishedAt", "updatedAt", "killedAt", "killReason", "publicationNote",
      "sourceCredit", "copyrightNotice", "originalUrl"
    FROM "Article" WHERE "id" IN (${join(ids)})`
  // Killed stories show their notice only: their relationships are never read.
  const shown = rows.filter(r => r.status === 'published').map(r => String(r.id))
  const [profiles, links, corrections] =
    shown.length === 0
      ? [[], [], []]
      : await Promise.all([
          profilesOf(db, shown),
          db.$queryRaw<Row[]>`
            SELECT "article", "label", "url", "placement", "afterParagraph", "position",
              "targetArticle" FROM "RelatedLink"
            WHERE "article" IN (${join(shown)}) ORDER BY "position", "id"`,
          db.$queryRaw<Row[]>`
            SELECT "article", "kind", "note", "createdAt" FROM "Correction"
            WHERE "article" IN (${join(shown)}) ORDER BY "createdAt", "id"`,
        ])
  const profilesBy = groupBy(profiles, 'article')
  const linksBy = groupBy(links, 'article')
  const correctionsBy = groupBy(corrections, 'article')
  return rows.map(r => {
    const mine = profilesBy.get(r.id) ?? []
    const rel = (field: string) => mine.filter(p => p.rel === field).map(profile)
    return {
      id: String(r.id),
      slug: String(r.slug),
      status: String(r.status),
      headline: String(r.headline ?? ''),
      summary: String(r.summary ?? ''),
      body: fromJson(r.body),
      language: String(r.language ?? ''),
      dateline: String(r.dateline ?? ''),
      storyDate: toDay(r.storyDate),
      publishedAt: toDate(r.publishedAt),
      updatedAt: toDate(r.updatedAt),
      killedAt: toDate(r.killedAt),
      killReason: String(r.killReason ?? ''),
      publicationNote: String(r.publicationNote ?? ''),
      sourceCredit: String(r.sourceCredit ?? ''),
      copyrightNotice: String(r.copyrightNotice ?? ''),
      originalUrl: r.originalUrl == null ? null : String(r.originalUrl),
      datelinePlace: rel('datelinePlace')[0] ?? null,
      copyrightHolder: rel('copyrightHolder')[0] ?? null,
      authors: rel('authors'),
      editors: rel('editors'),
      people: rel('people'),
      organizations: rel('organizations'),
      sources: rel('sources'),
      places: rel('places'),
      tags: rel('tags'),
      relatedLinks: (linksBy.get(r.id) ?? []).map(l => ({
        label: String(l.label),
        url: l.url == null ? null : String(l.url),
        placement: String(l.placement),
        afterParagraph: l.afterParagraph == null ? null : Number(l.afterParagraph),
        position: Number(l.position),
        targetArticleId: l.targetArticle == null ? null : String(l.targetArticle),
      })),
      corrections: (correctionsBy.get(r.id) ?? []).map(c => ({
        kind: String(c.kind),
        note: String(c.note),
        createdAt: toDate(c.createdAt),
      })),
    }
  })
}

export type ProfileTable = keyof typeof COLUMNS

/** Profiles by id, keyed `<table>:<id>` (one statement per table asked for); absent ones left out. */
export async function loadProfilesById(
  db: Sql,
  wanted: ReadonlyMap<ProfileTable, ReadonlySet<string>>
): Promise<Map<string, EditorialProfile>> {
  const out = new Map<string, EditorialProfile>()
  for (const [table, ids] of wanted) {
    if (ids.size === 0) continue
    const rows = await db.$queryRaw<Row[]>`
      SELECT x."id" AS "id", ${columnsOf(table)} FROM ${raw(`"${table}"`)} x
      WHERE x."id" IN (${join([...ids])})`
    for (const row of rows) out.set(`${table}:${String(row.id)}`, profile(row))
  }
  return out
}
