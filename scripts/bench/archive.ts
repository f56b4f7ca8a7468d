// A synthetic archive of published stories, written straight into a freshly migrated SQLite file
// with prepared statements in one transaction (Keystone's own write path would take hours for
// 100k stories). Values are stored exactly as Prisma's better-sqlite3 adapter stores them, so
// Keystone reads them back as if it had written them: the benchmark checks that over HTTP.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import Database from 'better-sqlite3'
import { rng, type Rng } from './prng'
import { jobTitles, personName, sentence, titleCase, words } from './words'

export type ArchiveOptions = {
  stories: number
  pools: number
  seed: number
  /** Draft stories (not published) for the publish scenario to publish and unpublish. */
  drafts?: number
}

export type Archive = {
  file: string
  databaseUrl: string
  /** Every story's slug (all published). */
  storySlugs: string[]
  /** Draft stories' ids (version 1), in creation order. */
  draftIds: string[]
  rows: Record<string, number>
  migrateMs: number
  generateMs: number
}

/** The base pools (people, organizations, places); `pools` multiplies them. */
export const BASE_POOLS = { people: 2000, organizations: 500, places: 300, tags: 200 }
const AGENCIES = 5 // the first organizations are news agencies: sources and copyright holders
// The newest story is published here; older ones every ~10 minutes before it.
const NEWEST = Date.parse('2026-01-01T00:00:00.000Z')
const STEP_MS = 10 * 60 * 1000

/** How Prisma's better-sqlite3 adapter writes a DateTime (timestampFormat "iso8601"). */
export const sqliteDateTime = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00')

const slugify = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

// Like Keystone's cuid ids: 25 characters that grow with creation time (so index inserts append,
// as they do in a real newsroom), then random ones.
let created = 0
function cuidLike(r: Rng): string {
  let id = 'c' + (1_600_000_000_000 + created++).toString(36)
  while (id.length < 25) id += Math.floor(r.next() * 36).toString(36)
  return id
}

export function migrate(databaseUrl: string, repoRoot: string): number {
  const started = Date.now()
  const run = spawnSync(process.execPath, ['src/db/migrate.mjs', 'deploy'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`migrate deploy failed:\n${run.stdout}\n${run.stderr}`)
  return Date.now() - started
}

export function buildArchive(dir: string, repoRoot: string, options: ArchiveOptions): Archive {
  const file = path.join(dir, `archive-${options.stories}-x${options.pools}.db`)
  const databaseUrl = `file:${file}`
  const migrateMs = migrate(databaseUrl, repoRoot)
  const started = Date.now()
  const db = new Database(file)
  // A scratch file: durability does not matter while writing, and a large page cache keeps
  // the random-key index inserts of 100k stories in memory (both last for this connection only).
  db.pragma('synchronous = OFF')
  db.pragma('journal_mode = MEMORY')
  db.pragma('cache_size = -524288') // 512 MiB
  const result = db.transaction(() => write(db, options))()
  db.close()
  return { file, databaseUrl, ...result, migrateMs, generateMs: Date.now() - started }
}

function insert(db: Database.Database, table: string, columns: string[]) {
  const names = columns.map(c => `"${c}"`).join(', ')
  const marks = columns.map(() => '?').join(', ')
  return db.prepare(`INSERT INTO "${table}" (${names}) VALUES (${marks})`)
}

function write(db: Database.Database, { stories, pools, seed, drafts = 0 }: ArchiveOptions) {
  const r = rng(seed)
  created = 0
  const rows: Record<string, number> = {}
  const count = (table: string, n = 1) => (rows[table] = (rows[table] ?? 0) + n)

  const people = pool(BASE_POOLS.people * pools, i => {
    const name = personName(r)
    return { id: cuidLike(r), name, slug: `${slugify(name)}-${i + 1}` }
  })
  const addPerson = insert(db, 'Person', ['id', 'name', 'slug', 'jobTitle', 'description'])
  for (const p of people) addPerson.run(p.id, p.name, p.slug, r.pick(jobTitles), sentence(r))
  count('Person', people.length)

  const organizations = pool(BASE_POOLS.organizations * pools, i => {
    const name = titleCase(`${r.pick(words)} ${r.pick(words)} ${i < AGENCIES ? 'News' : 'Group'}`)
    const shortName = name.replace(/[^A-Z]/g, '') + (i + 1)
    return { id: cuidLike(r), name, shortName, slug: `${slugify(name)}-${i + 1}` }
  })
  const addOrg = insert(db, 'Organization', ['id', 'name', 'shortName', 'slug', 'kind', 'url'])
  organizations.forEach((o, i) => {
    const kind = i < AGENCIES ? 'news_agency' : r.pick(['government', 'company', 'other'])
    addOrg.run(o.id, o.name, o.shortName, o.slug, kind, `https://org${i + 1}.example/`)
  })
  count('Organization', organizations.length)

  const places = pool(BASE_POOLS.places * pools, i => {
    const name = titleCase(`${r.pick(words)}${r.pick(words)}`)
    return { id: cuidLike(r), name, slug: `${slugify(name)}-${i + 1}` }
  })
  const addPlace = insert(db, 'Place', [
    'id',
    'name',
    'alternateName',
    'slug',
    'kind',
    'countryCode',
  ])
  for (const p of places) {
    const code = String.fromCharCode(r.int(65, 90), r.int(65, 90))
    addPlace.run(p.id, p.name, p.name, p.slug, r.pick(['city', 'country', 'region']), code)
  }
  count('Place', places.length)

  const tags = pool(BASE_POOLS.tags * pools, i => {
    const name = `${r.pick(words)} ${r.pick(words)}`
    return { id: cuidLike(r), name, slug: `${slugify(name)}-${i + 1}` }
  })
  const addTag = insert(db, 'Tag', ['id', 'name', 'slug'])
  for (const t of tags) addTag.run(t.id, t.name, t.slug)
  count('Tag', tags.length)

  const addArticle = insert(db, 'Article', [
    'id', 'headline', 'slug', 'summary', 'body', 'language', 'dateline', 'datelinePlace',
    'storyDate', 'status', 'version', 'publishedAt', 'sourceCredit', 'copyrightNotice',
    'copyrightHolder', 'originalUrl', 'createdAt', 'updatedAt',
  ]) // prettier-ignore
  const joins = {
    authors: insert(db, '_Article_authors', ['A', 'B']),
    editors: insert(db, '_Article_editors', ['A', 'B']),
    people: insert(db, '_Article_people', ['A', 'B']),
    organizations: insert(db, '_Article_organizations', ['A', 'B']),
    places: insert(db, '_Article_places', ['A', 'B']),
    tags: insert(db, '_Article_tags', ['A', 'B']),
    sources: insert(db, '_Article_sources', ['A', 'B']),
  }
  const link = (join: keyof typeof joins, a: string, targets: { id: string }[]) => {
    for (const t of targets) joins[join].run(a, t.id)
    count(`_Article_${join}`, targets.length)
  }
  const addLink = insert(db, 'RelatedLink', [
    'id', 'article', 'label', 'url', 'targetArticle', 'placement', 'afterParagraph', 'position',
  ]) // prettier-ignore

  const storySlugs: string[] = []
  const draftIds: string[] = []
  const articleIds: string[] = []
  // Oldest first, so that read-also links point back at earlier stories; the drafts last.
  for (let i = 0; i < stories + drafts; i++) {
    const draft = i >= stories
    const id = cuidLike(r)
    const headline = titleCase(sentence(r, 6, 11).slice(0, -1))
    const slug = `${slugify(headline)}-${i + 1}`
    const ms = NEWEST - (stories - 1 - i) * STEP_MS + r.int(0, 9 * 60) * 1000 // unique times
    const at = sqliteDateTime(draft ? NEWEST : ms)
    const paragraphs = Array.from({ length: r.int(3, 6) }, () =>
      Array.from({ length: r.int(2, 4) }, () => sentence(r)).join(' ')
    )
    const body = JSON.stringify(
      paragraphs.map(text => ({ type: 'paragraph', children: [{ text }] }))
    )
    const storyPlaces = r.sample(places, r.int(2, 6))
    const agency = organizations[r.int(0, AGENCIES - 1)]!
    const year = new Date(ms).getUTCFullYear()
    addArticle.run(
      id, headline, slug, sentence(r, 15, 25), body, 'id', storyPlaces[0]!.name,
      storyPlaces[0]!.id, at.slice(0, 10), draft ? 'draft' : 'published', 1, draft ? null : at,
      agency.shortName,
      `COPYRIGHT © ${agency.shortName} ${year}`, agency.id, `https://news.example/${slug}`, at, at,
    ) // prettier-ignore
    count('Article')

    const authorIdx = r.indices(people.length, r.int(1, 3))
    link(
      'authors',
      id,
      authorIdx.map(k => people[k]!)
    )
    link('editors', id, [r.pick(people)])
    link('people', id, r.sample(people, r.int(3, 10)))
    link('organizations', id, r.sample(organizations, r.int(2, 5)))
    link('places', id, storyPlaces)
    link('sources', id, [agency])
    link('tags', id, r.sample(tags, r.int(1, 4)))

    const links = i === 0 || draft ? 0 : r.int(0, 3)
    for (let position = 1; position <= links; position++) {
      const target = r.next() < 0.5 ? articleIds[r.int(0, i - 1)]! : null
      const inline = r.next() < 0.5
      addLink.run(
        cuidLike(r), id, sentence(r, 5, 9).slice(0, -1),
        target ? null : `https://news.example/baca-juga/${i}-${position}`, target,
        inline ? 'inline' : 'end', inline ? r.int(1, paragraphs.length) : null, position,
      ) // prettier-ignore
      count('RelatedLink')
    }
    if (draft) draftIds.push(id)
    else (articleIds.push(id), storySlugs.push(slug))
  }
  return { storySlugs, draftIds, rows }
}

function pool<T>(size: number, make: (i: number) => T): T[] {
  return Array.from({ length: size }, (_, i) => make(i))
}
