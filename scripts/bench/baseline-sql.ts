// The bare baseline's data access: prepared better-sqlite3 statements over the published store's
// tables (src/content/prisma-models.ts), written by hand. The store holds only live copies, so
// the one condition restated is time (`publishedAt <= now`), as src/content/store.ts does.
import Database from 'better-sqlite3'

export type Row = Record<string, unknown>

export function openStatements(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  let total = 0
  let recent: string[] = []
  // Every statement run is counted the same way Warta's are (src/db/sql-count.ts).
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
  const newestFirst = (alias: string, at: string, id: string) =>
    `(@cursorAt IS NULL OR ${alias}."${at}" < @cursorAt OR ` +
    `(${alias}."${at}" = @cursorAt AND ${alias}."${id}" > @cursorId))`

  return {
    sqlCount() {
      const answer = { total, recent }
      recent = []
      return answer
    },
    story: prepare(
      `SELECT "data" FROM "ContentStory" WHERE "slug" = @slug AND "publishedAt" <= @now`
    ),
    storyCard: prepare(
      `SELECT "card" AS "data" FROM "ContentStory" WHERE "slug" = @slug AND "publishedAt" <= @now`
    ),
    // By primary key: unary + keeps SQLite off the (state, publishedAt) index.
    targets: prepare(
      `SELECT s."articleId", s."card" FROM json_each(@ids) j
        CROSS JOIN "ContentStory" s ON s."articleId" = j.value
      WHERE +s."state" = 'published' AND +s."publishedAt" <= @now`
    ),
    latest: prepare(
      `SELECT s."card" AS "data" FROM "ContentStory" s
      WHERE s."state" = 'published' AND s."publishedAt" <= @now
        AND ${newestFirst('s', 'publishedAt', 'articleId')}
      ORDER BY s."publishedAt" DESC, s."articleId" LIMIT 21`
    ),
    profile: prepare(
      `SELECT p."id", p."data" FROM "ContentProfile" p
      WHERE p."kind" = @kind AND p."slug" = @slug AND EXISTS (
        SELECT 1 FROM "ContentStoryRef" r
        WHERE r."kind" = p."kind" AND r."profileId" = p."id" AND r."publishedAt" <= @now)`
    ),
    profileStories: prepare(
      `SELECT s."card" AS "data" FROM "ContentStoryRef" r
        JOIN "ContentStory" s ON s."articleId" = r."storyId"
      WHERE r."kind" = @kind AND r."profileId" = @id AND r."publishedAt" <= @now
      ORDER BY r."publishedAt" DESC, r."storyId" LIMIT 21`
    ),
  }
}

export type Statements = ReturnType<typeof openStatements>
