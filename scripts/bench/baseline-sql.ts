// The bare baseline's data access: prepared better-sqlite3 statements that give the same answer
// as Keystone for an anonymous reader, access rules included (src/access/rules.ts): a story is
// visible when published (and not scheduled) or killed; a killed story shows only its public
// fields; a profile linked from a visible published story is visible through that very link.
import Database from 'better-sqlite3'

/** Visible to anonymous readers (articleFilter.query without a session), for alias `t`. */
const visible = (t: string) =>
  `((${t}.status = 'published' AND ${t}.publishedAt <= @now) OR ` +
  `(${t}.status = 'killed' AND ${t}.publishedAt IS NOT NULL))`
const publishedBy = (t: string) => `${t}.status = 'published' AND ${t}.publishedAt <= @now`

export type Row = Record<string, unknown>

export function openStatements(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  let total = 0
  let recent: string[] = []
  // Every statement run is counted the same way Keystone's are (src/db/sql-count.ts).
  const prepare = (sql: string) => {
    const statement = db.prepare(sql)
    const note = () => {
      total++
      if (recent.length < 500) recent.push(sql)
    }
    return {
      get: (params: Row): Row | undefined => (note(), statement.get(params) as Row | undefined),
      all: (params: Row): Row[] => (note(), statement.all(params) as Row[]),
    }
  }
  const join = (table: string, target: string, columns: string, key = 'slug') =>
    prepare(
      `SELECT ${columns} FROM "${table}" j JOIN "${target}" x ON x.id = j.B ` +
        `WHERE j.A = @id ORDER BY x."${key}"`
    )
  // CROSS JOIN: SQLite reads through the join table's index on B, not every published story
  // through the (status, publishedAt) index.
  const exists = (table: string) =>
    `EXISTS (SELECT 1 FROM "${table}" j CROSS JOIN Article a ` +
    `WHERE a.id = j.A AND j.B = p.id AND ${publishedBy('a')})`

  return {
    sqlCount() {
      const answer = { total, recent }
      recent = []
      return answer
    },
    story: prepare(
      `SELECT a.id, a.headline, a.slug, a.summary, a.body, a.language, a.dateline,
        dp.name AS dpName, dp.slug AS dpSlug, a.storyDate, a.status, a.publishedAt, a.updatedAt,
        a.killedAt, a.killReason, a.publicationNote, a.sourceCredit, a.copyrightNotice,
        a.originalUrl, ch.name AS chName, ch.shortName AS chShortName, ch.slug AS chSlug
      FROM Article a
      LEFT JOIN Place dp ON dp.id = a.datelinePlace
      LEFT JOIN Organization ch ON ch.id = a.copyrightHolder
      WHERE a.slug = @slug AND ${visible('a')}`
    ),
    authors: join('_Article_authors', 'Person', 'x.name, x.slug, x.jobTitle'),
    editors: join('_Article_editors', 'Person', 'x.name, x.slug'),
    people: join('_Article_people', 'Person', 'x.name, x.slug, x.jobTitle'),
    organizations: join('_Article_organizations', 'Organization', 'x.name, x.shortName, x.slug'),
    places: join('_Article_places', 'Place', 'x.name, x.slug'),
    tags: join('_Article_tags', 'Tag', 'x.name, x.slug'),
    sources: join('_Article_sources', 'Organization', 'x.name, x.shortName, x.slug'),
    relatedLinks: prepare(
      `SELECT l.label, l.url, l.placement, l.afterParagraph, l.position,
        t.id AS tId, t.headline AS tHeadline, t.slug AS tSlug
      FROM RelatedLink l LEFT JOIN Article t ON t.id = l.targetArticle AND ${visible('t')}
      WHERE l.article = @id ORDER BY l.position, l.id`
    ),
    corrections: prepare(
      `SELECT kind, note, createdAt FROM Correction WHERE article = @id ORDER BY createdAt, id`
    ),
    latest: prepare(
      `SELECT id, headline, slug, summary, publishedAt, dateline FROM Article a
      WHERE ${publishedBy('a')} ORDER BY publishedAt DESC, id LIMIT 20`
    ),
    latestAuthors: prepare(
      `SELECT j.A AS article, x.name, x.slug FROM _Article_authors j JOIN Person x ON x.id = j.B
      WHERE j.A IN (SELECT value FROM json_each(@ids)) ORDER BY x.slug`
    ),
    person: prepare(
      `SELECT p.id, p.name, p.slug, p.jobTitle, p.description FROM Person p
      WHERE p.slug = @slug AND (${exists('_Article_authors')} OR ${exists('_Article_editors')}
        OR ${exists('_Article_people')})`
    ),
    authored: prepare(
      `SELECT a.headline, a.slug, a.summary, a.publishedAt
      FROM _Article_authors j CROSS JOIN Article a
      WHERE a.id = j.A AND j.B = @id AND ${publishedBy('a')} ORDER BY a.publishedAt DESC, a.id LIMIT 20`
    ),
  }
}

export type Statements = ReturnType<typeof openStatements>
