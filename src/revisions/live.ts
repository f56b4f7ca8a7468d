// Which revision is each story's live copy: its latest publication (publish, republish,
// publishChanges, or the baseline taken from the published store for a story published before
// revisions existed). The publisher builds the live copy from it; nothing else decides it.
import { fromJson, join, raw, toDate, type Row, type Sql } from '../content/sql'
import { parseSnapshot, type Snapshot } from './snapshot'

/** Revision actions whose snapshot becomes the live copy. */
export const PUBLICATIONS = ['publish', 'republish', 'publishChanges', 'baseline'] as const

export type LiveRevision = {
  articleId: string
  version: number
  at: Date
  contentHash: string
  snapshot: Snapshot
}

const publications = raw(PUBLICATIONS.map(a => `'${a}'`).join(', '))

/** The live revision of each of these stories that has one (one statement). */
export async function liveRevisions(db: Sql, ids: readonly string[]) {
  const out = new Map<string, LiveRevision>()
  if (ids.length === 0) return out
  const rows = await db.$queryRaw<Row[]>`
    SELECT r."article", r."version", r."at", r."contentHash", r."snapshot"
    FROM "ArticleRevision" r
    WHERE r."article" IN (${join([...ids])}) AND r."action" IN (${publications})
      AND r."version" = (SELECT MAX(q."version") FROM "ArticleRevision" q
        WHERE q."article" = r."article" AND q."action" IN (${publications}))`
  for (const row of rows) {
    const snapshot = parseSnapshot(row.snapshot)
    if (!snapshot) continue
    out.set(String(row.article), {
      articleId: String(row.article),
      version: Number(row.version),
      at: toDate(row.at)!,
      contentHash: String(row.contentHash ?? ''),
      snapshot,
    })
  }
  return out
}

/**
 * A snapshot of a stored live copy (the Content API's Story data), for the baseline of a story
 * published before revisions existed. The editorial note is not in the store: null there means
 * "not known", and a restore keeps the working copy's note.
 */
export function snapshotFromStore(stored: unknown): Snapshot {
  const data = (fromJson(stored) ?? {}) as Record<string, unknown>
  const ids = (value: unknown) =>
    (Array.isArray(value) ? value : value ? [value] : [])
      .map(p => String((p as { id: unknown }).id))
      .sort()
  const str = (key: string) => (data[key] == null ? '' : String(data[key]))
  return {
    format: 1,
    fields: {
      headline: str('headline'),
      slug: str('slug'),
      summary: str('summary'),
      body: (data.body as { document?: unknown } | undefined)?.document ?? [],
      language: str('language'),
      dateline: str('dateline'),
      storyDate: data.storyDate ?? null,
      publicationNote: str('publicationNote'),
      editorialNote: null,
      sourceCredit: str('sourceCredit'),
      copyrightNotice: str('copyrightNotice'),
      originalUrl: data.originalUrl ?? null,
    },
    relations: {
      datelinePlace: ids(data.datelinePlace),
      copyrightHolder: ids(data.copyrightHolder),
      authors: ids(data.authors),
      editors: ids(data.editors),
      people: ids(data.people),
      organizations: ids(data.organizations),
      sources: ids(data.sources),
      places: ids(data.places),
      tags: ids(data.tags),
    },
    relatedLinks: ((data.relatedLinks ?? []) as Record<string, unknown>[]).map(l => ({
      label: String(l.label ?? ''),
      url: l.url == null ? null : String(l.url),
      targetArticle: l.targetId == null ? null : String(l.targetId),
      placement: String(l.placement ?? 'end'),
      afterParagraph: l.afterParagraph == null ? null : Number(l.afterParagraph),
      position: Number(l.position ?? 1),
    })),
  }
}
