// Building public pages and keeping them in the read model: for one reader's miss (./read-path.ts),
// after a publication, or for every page at once (`npm run read-model:rebuild`).
import { raw } from '@prisma/client/runtime/client'
import { nextScheduled } from './build'
import { pageNamed, type PublicPage } from './pages'
import { currentEpoch, dropAllPages, storePages, type Db, type Page } from './read-model'

/** Apollo Server's bytes for a successful answer. */
const answerBody = (data: unknown) => JSON.stringify({ data }) + '\n'

/**
 * Builds the pages with `keys` and keeps those that show something (a story or person that is
 * not public has nothing to be dropped by, so it is answered, not kept). `overtaken`: a write
 * came in between, so nothing was kept, though the answers are right for this moment.
 */
export async function buildAndKeep(
  db: Db,
  page: PublicPage,
  keys: readonly string[],
  now = new Date()
): Promise<{ bodies: Map<string, string>; kept: number; overtaken: boolean }> {
  const epoch = await currentEpoch(db)
  const built = await page.build(db, keys, now)
  const expiresAt = await nextScheduled(db, now)
  const bodies = new Map<string, string>()
  const pages: Page[] = []
  for (const [key, { data, refs }] of built) {
    const body = answerBody(data)
    bodies.set(key, body)
    if (refs.length > 0) pages.push({ key, body, refs, expiresAt })
  }
  if (epoch === null || pages.length === 0) return { bodies, kept: 0, overtaken: false }
  const stored = await storePages(db, epoch, pages)
  return { bodies, kept: stored ? pages.length : 0, overtaken: !stored }
}

/**
 * Builds a story's page and the front page ahead of their first readers, after publication.
 * Best effort: a failure only means the first reader builds them instead.
 */
export async function warmAfterPublication(db: Db, slug: string) {
  const story = pageNamed('story')
  for (const [page, key] of [
    [story, story.key({ slug })!],
    [pageNamed('latest'), 'latest'],
  ] as const) {
    await buildAndKeep(db, page, [key]).catch(error =>
      console.error(
        `public read path: warming ${key}: ${error instanceof Error ? error.message : error}`
      )
    )
  }
}

const BATCH = 250 // pages built and stored per transaction
const ATTEMPTS = 5

/**
 * Drops every kept page and builds them all again: after data was written around Keystone (a
 * bulk import), or when the read model is in doubt. Newsroom writes may go on meanwhile: a batch
 * they overtake is built again. Returns how many pages of each kind were kept.
 */
export async function rebuildAll(db: Db) {
  await dropAllPages(db)
  // In key order, so that the pages' and refs' primary keys grow at their end.
  const slugs = async (table: 'Article' | 'Person') =>
    (
      await db.$queryRaw<
        { slug: string }[]
      >`SELECT "slug" FROM ${raw(`"${table}"`)} ORDER BY "slug"`
    ).map(row => row.slug)
  const jobs = [
    ['story', (await slugs('Article')).map(slug => `story:${slug}`)],
    ['person', (await slugs('Person')).map(slug => `person:${slug}`)],
    ['latest', ['latest']],
  ] as const
  const kept = { story: 0, person: 0, latest: 0 }
  for (const [name, keys] of jobs) {
    for (let i = 0; i < keys.length; i += BATCH) {
      for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        const built = await buildAndKeep(db, pageNamed(name), keys.slice(i, i + BATCH))
        kept[name] += built.kept
        if (!built.overtaken) break
      }
    }
  }
  return kept
}
