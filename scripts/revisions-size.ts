// What 10,000 saves of one story cost in space (docs/newsroom.md, "Revisions"): the ANTARA story
// saved 10,000 times, each save changing one word of one paragraph, stored as ArticleRevision
// rows in a scratch SQLite file exactly as the migration creates them. Also prints what a
// compact encoding (each snapshot deflated) would take, for comparison.
//   npx tsx scripts/revisions-size.ts [saves]
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { deflateSync } from 'node:zlib'
import Database from 'better-sqlite3'
import { articleBody } from '../src/seed/seed'
import { antaraStory } from '../src/seed/antara'
import { contentHash, SNAPSHOT_FORMAT, type Snapshot } from '../src/revisions/snapshot'

const saves = Number(process.argv[2] ?? 10_000)
const fakeId = (slug: string) =>
  `c${slug
    .replace(/[^a-z0-9]/g, '')
    .padEnd(24, '0')
    .slice(0, 24)}`
const s = antaraStory
const base: Snapshot = {
  format: SNAPSHOT_FORMAT,
  fields: {
    headline: s.headline,
    slug: s.slug,
    summary: '',
    body: articleBody(s.paragraphs),
    language: s.language,
    dateline: s.dateline,
    storyDate: s.storyDate,
    publicationNote: s.publicationNote,
    editorialNote: '',
    sourceCredit: s.sourceCredit,
    copyrightNotice: s.copyrightNotice,
    originalUrl: s.originalUrl,
  },
  relations: {
    datelinePlace: [fakeId(s.datelinePlace)],
    copyrightHolder: [fakeId(s.copyrightHolder)],
    authors: s.authors.map(fakeId).sort(),
    editors: s.editors.map(fakeId).sort(),
    people: s.people.map(fakeId).sort(),
    organizations: s.organizations.map(fakeId).sort(),
    sources: s.sources.map(fakeId).sort(),
    places: s.places.map(fakeId).sort(),
    tags: [],
  },
  relatedLinks: s.relatedLinks.map(l => ({
    label: l.label,
    url: null,
    targetArticle: null,
    placement: l.placement,
    afterParagraph: l.afterParagraph ?? null,
    position: l.position,
  })),
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'warta-revisions-'))
const file = path.join(dir, 'size.db')
const db = new Database(file)
const migration = readdirSync('migrations/sqlite').find(d => d.endsWith('_article_revisions'))!
db.exec('CREATE TABLE "Article" ("id" TEXT NOT NULL PRIMARY KEY)')
db.exec('CREATE TABLE "User" ("id" TEXT NOT NULL PRIMARY KEY)')
db.exec(readFileSync(`migrations/sqlite/${migration}/migration.sql`, 'utf8'))
db.prepare('INSERT INTO "Article" ("id") VALUES (?)').run('story')
const empty = db.prepare('PRAGMA page_count').pluck().get() as number
const insert = db.prepare(`INSERT INTO "ArticleRevision"
  ("id", "article", "version", "action", "actor", "actorName", "at", "snapshot", "contentHash", "note")
  VALUES (?, 'story', ?, 'save', NULL, 'Editor Warta', ?, ?, ?, '')`)

let json = 0
let deflated = 0
const paragraphs = s.paragraphs.slice()
db.transaction(() => {
  for (let i = 1; i <= saves; i++) {
    // One word of one paragraph changes per save (a typo fixed, a figure updated).
    const p = i % paragraphs.length
    const words = paragraphs[p]!.split(' ')
    words[i % words.length] = `${words[i % words.length]!.replace(/\d+$/, '')}${i % 10}`
    paragraphs[p] = words.join(' ')
    const snapshot = { ...base, fields: { ...base.fields, body: articleBody(paragraphs) } }
    const text = JSON.stringify(snapshot)
    json += Buffer.byteLength(text)
    deflated += deflateSync(text).length
    insert.run(`rev${i}`, i, new Date().toISOString(), text, contentHash(snapshot))
  }
})()
const pageSize = db.prepare('PRAGMA page_size').pluck().get() as number
const pages = db.prepare('PRAGMA page_count').pluck().get() as number
db.close()
rmSync(dir, { recursive: true, force: true })
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`
console.log(`${saves} saves of "${s.headline.slice(0, 40)}…"`)
console.log(`snapshot: ${Math.round(json / saves)} bytes of JSON on average`)
console.log(`SQLite file growth (rows and indexes): ${mb((pages - empty) * pageSize)}`)
console.log(`JSON alone: ${mb(json)}; deflated per snapshot: ${mb(deflated)}`)
