// The publisher: writes stories' live copies (./live-copy.ts) into the published store, in the
// caller's transaction (a workflow action's, a save's) or in one of its own. Called for every
// write that can change what readers see: the workflow actions, a story's corrections, and edits
// of a profile a stored story uses. A published story's content comes from its live revision
// (./live-content.ts), so republishing it after a save of its working copy changes nothing.
import { databaseProvider } from '../db/url.mjs'
import { loadStories } from './editorial'
import { withLiveContent } from './live-content'
import { cardOf, liveCopy, type LiveStory, type ProfileKind } from './live-copy'
import { at, chunks, inTransaction, join, raw, sql, type Db, type Row, type Sql } from './sql'

const BATCH = 500 // stories per round of statements

/**
 * Brings the store's copies of these articles in line with the editorial tables: stores the live
 * copy of each live one (replacing the old), removes the rest, stores the profiles they use and
 * drops the profiles no stored story uses any more. Unknown ids are simply removed.
 */
export async function publishStories(db: Db, articleIds: readonly string[]): Promise<void> {
  const ids = [...new Set(articleIds.filter(Boolean))]
  if (ids.length === 0) return
  await inTransaction(db, async tx => {
    for (const some of chunks(ids, BATCH)) await publishBatch(tx, some)
  })
}

/**
 * PostgreSQL: store writes hold one transaction-scoped advisory lock (src/db/lock.mjs's 'WART'
 * class, task 3), so two publications neither deadlock on the profile rows they share nor drop a
 * profile the other has just started to use. SQLite serializes writers already.
 */
async function lockStore(tx: Sql) {
  if (databaseProvider() !== 'postgresql') return
  await tx.$queryRaw`SELECT 1 AS "locked" FROM ${raw('pg_advisory_xact_lock(1463898708, 3)')}`
}

async function publishBatch(tx: Sql, ids: string[]) {
  const copies = (await withLiveContent(tx, await loadStories(tx, ids)))
    .map(liveCopy)
    .filter((copy): copy is LiveStory => copy !== null)
  const [stored] = await tx.$queryRaw<Row[]>`
    SELECT COUNT(*) AS "n" FROM "ContentStory" WHERE "articleId" IN (${join(ids)})`
  if (copies.length === 0 && Number(stored?.n ?? 0) === 0) return // drafts: nothing to do
  await lockStore(tx)

  const before = await tx.$queryRaw<Row[]>`
    SELECT DISTINCT "kind", "profileId" FROM "ContentStoryRef" WHERE "storyId" IN (${join(ids)})`
  await tx.$executeRaw`DELETE FROM "ContentStoryRef" WHERE "storyId" IN (${join(ids)})`
  await tx.$executeRaw`DELETE FROM "ContentStory" WHERE "articleId" IN (${join(ids)})`
  if (copies.length > 0) {
    await tx.$executeRaw`INSERT INTO "ContentStory"
      ("articleId", "slug", "state", "publishedAt", "modifiedAt", "language", "data", "card")
      VALUES ${join(
        copies.map(
          c => sql`(${c.articleId}, ${c.slug}, ${c.state}, ${at(c.publishedAt)},
            ${at(c.modifiedAt)}, ${c.language}, ${JSON.stringify(c.data)},
            ${JSON.stringify(cardOf(c.data))})`
        )
      )}`
  }
  const refs = copies.flatMap(c =>
    c.refs.map(r => sql`(${c.articleId}, ${r.kind}, ${r.profileId}, ${at(c.publishedAt)})`)
  )
  for (const some of chunks(refs)) {
    await tx.$executeRaw`INSERT INTO "ContentStoryRef"
      ("storyId", "kind", "profileId", "publishedAt") VALUES ${join(some)}`
  }
  const profiles = new Map(copies.flatMap(c => c.profiles).map(p => [`${p.kind}:${p.id}`, p]))
  for (const some of chunks([...profiles.values()])) {
    await tx.$executeRaw`INSERT INTO "ContentProfile" ("kind", "id", "slug", "data")
      VALUES ${join(some.map(p => sql`(${p.kind}, ${p.id}, ${p.slug}, ${JSON.stringify(p.data)})`))}
      ON CONFLICT ("kind", "id") DO UPDATE SET "slug" = excluded."slug", "data" = excluded."data"`
  }
  // Profiles these stories used before and no stored story uses now leave the store.
  const dropped = before.filter(r => !profiles.has(`${r.kind}:${r.profileId}`))
  for (const some of chunks(dropped)) {
    const pairs = some.map(r => sql`("kind" = ${r.kind} AND "id" = ${r.profileId})`)
    await tx.$executeRaw`DELETE FROM "ContentProfile" AS p WHERE (${join(pairs, ' OR ')})
      AND NOT EXISTS (SELECT 1 FROM "ContentStoryRef" r
        WHERE r."kind" = p."kind" AND r."profileId" = p."id")`
  }
}

/**
 * After a profile changed (renamed, edited, deleted): the stored stories that use it are
 * published again, which refreshes the profile's copy and every copy embedding it.
 */
export async function refreshProfiles(
  db: Db,
  kind: ProfileKind,
  profileIds: readonly string[]
): Promise<void> {
  const ids = [...new Set(profileIds.filter(Boolean))]
  if (ids.length === 0) return
  await inTransaction(db, async tx => {
    const rows = await tx.$queryRaw<Row[]>`
      SELECT DISTINCT "storyId" FROM "ContentStoryRef"
      WHERE "kind" = ${kind} AND "profileId" IN (${join(ids)})`
    await publishStories(
      tx,
      rows.map(r => String(r.storyId))
    )
  })
}

/**
 * Empties the store and publishes every article again from the editorial tables (after an
 * import written around Keystone, or when the store is in doubt), in one transaction: readers
 * see the old store until it commits. Returns how many stories are stored.
 */
export async function rebuildStore(db: Db): Promise<number> {
  return inTransaction(
    db,
    async tx => {
      await lockStore(tx)
      await tx.$executeRaw`DELETE FROM "ContentStoryRef"`
      await tx.$executeRaw`DELETE FROM "ContentStory"`
      await tx.$executeRaw`DELETE FROM "ContentProfile"`
      // Only statuses that can be live: the rule itself is liveCopy's.
      const rows = await tx.$queryRaw<Row[]>`
        SELECT "id" FROM "Article" WHERE "status" IN ('published', 'killed') ORDER BY "id"`
      for (const some of chunks(
        rows.map(r => String(r.id)),
        BATCH
      ))
        await publishBatch(tx, some)
      const [count] = await tx.$queryRaw<Row[]>`SELECT COUNT(*) AS "n" FROM "ContentStory"`
      return Number(count?.n ?? 0)
    },
    600_000
  )
}
