// A story's versioned content as one JSON value (format 1): the editorial fields, the ids of the
// profiles it relates to (stable ids: a profile renamed since shows its new name) and its
// read-also lines. Reference data (the profiles themselves), status, stamps, versions and
// corrections are not in it. Read from the editorial tables in a fixed number of statements.
import { createHash } from 'node:crypto'
import { fromJson, join, raw, sql, toDay, type Row, type Sql } from '../content/sql'

export const SNAPSHOT_FORMAT = 1

/** The editorial fields a snapshot carries, in this order. */
export const SNAPSHOT_FIELDS = [
  'headline',
  'slug',
  'summary',
  'body',
  'language',
  'dateline',
  'storyDate',
  'publicationNote',
  'editorialNote',
  'sourceCredit',
  'copyrightNotice',
  'originalUrl',
] as const
/** To-one relationships: the Article column holding the profile id, and the profile table. */
export const SNAPSHOT_ONE = { datelinePlace: 'Place', copyrightHolder: 'Organization' } as const
/** To-many relationships: `_Article_<name>` join tables (A = article, B = profile). */
export const SNAPSHOT_MANY = {
  authors: 'Person',
  editors: 'Person',
  people: 'Person',
  organizations: 'Organization',
  sources: 'Organization',
  places: 'Place',
  tags: 'Tag',
} as const

export type SnapshotField = (typeof SNAPSHOT_FIELDS)[number]
export type SnapshotLink = {
  label: string
  url: string | null
  targetArticle: string | null
  placement: string
  afterParagraph: number | null
  position: number
}
export type Snapshot = {
  format: typeof SNAPSHOT_FORMAT
  fields: Record<SnapshotField, unknown>
  /** Profile ids, sorted; the to-one ones as a one-item list or empty. */
  relations: Record<keyof typeof SNAPSHOT_ONE | keyof typeof SNAPSHOT_MANY, string[]>
  /** Ordered by position, then as created. */
  relatedLinks: SnapshotLink[]
}

const text = (v: unknown) => (v == null ? '' : String(v))

/** The current working copies of these articles (absent ids are left out). */
export async function readSnapshots(db: Sql, ids: string[]): Promise<Map<string, Snapshot>> {
  const out = new Map<string, Snapshot>()
  if (ids.length === 0) return out
  const [rows, joins, links] = await Promise.all([
    db.$queryRaw<Row[]>`SELECT * FROM "Article" WHERE "id" IN (${join(ids)})`,
    db.$queryRaw<Row[]>`${join(
      Object.keys(SNAPSHOT_MANY).map(name => joinRows(name, ids)),
      ' UNION ALL '
    )}`,
    db.$queryRaw<Row[]>`SELECT "article", "label", "url", "targetArticle", "placement",
        "afterParagraph", "position" FROM "RelatedLink"
      WHERE "article" IN (${join(ids)}) ORDER BY "position", "id"`,
  ])
  for (const row of rows) {
    const id = String(row.id)
    const fields = {} as Record<SnapshotField, unknown>
    for (const f of SNAPSHOT_FIELDS) {
      fields[f] =
        f === 'body'
          ? (fromJson(row.body) ?? [])
          : f === 'storyDate'
            ? toDay(row.storyDate)
            : f === 'originalUrl'
              ? (row.originalUrl ?? null)
              : text(row[f])
    }
    const relations = {} as Snapshot['relations']
    for (const name of Object.keys(SNAPSHOT_ONE) as (keyof typeof SNAPSHOT_ONE)[]) {
      relations[name] = row[name] == null ? [] : [String(row[name])]
    }
    for (const name of Object.keys(SNAPSHOT_MANY) as (keyof typeof SNAPSHOT_MANY)[]) {
      relations[name] = joins
        .filter(j => j.rel === name && String(j.article) === id)
        .map(j => String(j.profile))
        .sort()
    }
    const relatedLinks = links
      .filter(l => String(l.article) === id)
      .map(l => ({
        label: text(l.label),
        url: l.url == null ? null : String(l.url),
        targetArticle: l.targetArticle == null ? null : String(l.targetArticle),
        placement: text(l.placement),
        afterParagraph: l.afterParagraph == null ? null : Number(l.afterParagraph),
        position: Number(l.position),
      }))
    out.set(id, { format: SNAPSHOT_FORMAT, fields, relations, relatedLinks })
  }
  return out
}

// One UNION ALL statement reads every relationship's join table.
const joinRows = (name: string, ids: string[]) =>
  sql`SELECT ${raw(`'${name}'`)} AS "rel", j."A" AS "article", j."B" AS "profile"
    FROM ${raw(`"_Article_${name}"`)} j WHERE j."A" IN (${join(ids)})`

/**
 * A fingerprint of what readers would see of the content (hex SHA-256 of the JSON): equal for
 * equal content. The editorial note is left out: it never goes live, so changing it alone is no
 * unpublished change.
 */
export function contentHash(snapshot: Snapshot): string {
  const fields = { ...snapshot.fields, editorialNote: undefined }
  return createHash('sha256')
    .update(JSON.stringify({ ...snapshot, fields }))
    .digest('hex')
}

/** A stored snapshot (JSON text or parsed), checked for a format this code reads. */
export function parseSnapshot(value: unknown): Snapshot | null {
  const parsed = fromJson(value) as Snapshot | null
  if (!parsed || typeof parsed !== 'object' || parsed.format !== SNAPSHOT_FORMAT) return null
  return parsed
}
