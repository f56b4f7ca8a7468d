// The bare baseline: node:http and prepared better-sqlite3 statements answering the three
// benchmark queries with the bytes Keystone sends, and nothing else. It is what the hardware can
// do for these pages, so Keystone's numbers are reported as a share of it.
//   BENCH_DB=/path/to.db PORT=4000 node --import tsx scripts/bench/baseline.ts
import { createServer } from 'node:http'
import { latest, personPage, storyPage } from './queries'
import { openStatements, type Row, type Statements } from './baseline-sql'

/** Keystone's DateTime output: ISO 8601 in UTC with milliseconds. */
const dateTime = (value: unknown) => (value == null ? null : new Date(String(value)).toISOString())
/** Prisma's better-sqlite3 adapter stores DateTime as ISO text with "+00:00". */
const nowParam = () => new Date().toISOString().replace('Z', '+00:00')

// Fields of a killed story that anonymous readers still see (publicWhenKilled's exceptions).
const PUBLIC_WHEN_KILLED = new Set(['id', 'headline', 'slug', 'status', 'killedAt', 'killReason'])
// The story page's to-many fields, in the query's order (after copyrightHolder).
const RELATIONSHIPS = [
  'authors', 'editors', 'people', 'organizations', 'places', 'tags', 'sources', 'relatedLinks',
  'corrections',
] // prettier-ignore

function story(s: Statements, slug: string) {
  const now = nowParam()
  const a = s.story.get({ slug, now })
  if (!a) return { article: null }
  const id = { id: a.id }
  const article: Row = {
    id: a.id,
    headline: a.headline,
    slug: a.slug,
    summary: a.summary,
    body: { document: JSON.parse(String(a.body)) },
    language: a.language,
    dateline: a.dateline,
    datelinePlace: a.dpSlug == null ? null : { name: a.dpName, slug: a.dpSlug },
    storyDate: a.storyDate,
    status: a.status,
    publishedAt: dateTime(a.publishedAt),
    updatedAt: dateTime(a.updatedAt),
    killedAt: dateTime(a.killedAt),
    killReason: a.killReason,
    publicationNote: a.publicationNote,
    sourceCredit: a.sourceCredit,
    copyrightNotice: a.copyrightNotice,
    originalUrl: a.originalUrl,
    copyrightHolder:
      a.chSlug == null ? null : { name: a.chName, shortName: a.chShortName, slug: a.chSlug },
  }
  if (a.status === 'killed') {
    // Not in the generated archive (all published), kept so the baseline follows the rules.
    for (const key of Object.keys(article)) if (!PUBLIC_WHEN_KILLED.has(key)) article[key] = null
    for (const key of RELATIONSHIPS) article[key] = null
    return { article }
  }
  article.authors = s.authors.all(id)
  article.editors = s.editors.all(id)
  article.people = s.people.all(id)
  article.organizations = s.organizations.all(id)
  article.places = s.places.all(id)
  article.tags = s.tags.all(id)
  article.sources = s.sources.all(id)
  article.relatedLinks = s.relatedLinks.all({ id: a.id, now }).map(l => ({
    label: l.label,
    url: l.url,
    placement: l.placement,
    afterParagraph: l.afterParagraph,
    position: l.position,
    targetArticle: l.tId == null ? null : { headline: l.tHeadline, slug: l.tSlug },
  }))
  article.corrections = s.corrections
    .all(id)
    .map(c => ({ kind: c.kind, note: c.note, createdAt: dateTime(c.createdAt) }))
  return { article }
}

function latestStories(s: Statements) {
  const rows = s.latest.all({ now: nowParam() })
  const byArticle = new Map<unknown, Row[]>(rows.map(r => [r.id, []]))
  const ids = JSON.stringify(rows.map(r => r.id))
  for (const a of s.latestAuthors.all({ ids }))
    byArticle.get(a.article)!.push({ name: a.name, slug: a.slug })
  return {
    articles: rows.map(r => ({
      id: r.id,
      headline: r.headline,
      slug: r.slug,
      summary: r.summary,
      publishedAt: dateTime(r.publishedAt),
      dateline: r.dateline,
      authors: byArticle.get(r.id),
    })),
  }
}

function person(s: Statements, slug: string) {
  const now = nowParam()
  const p = s.person.get({ slug, now })
  if (!p) return { person: null }
  const authored = s.authored.all({ id: p.id, now }).map(a => ({
    headline: a.headline,
    slug: a.slug,
    summary: a.summary,
    publishedAt: dateTime(a.publishedAt),
  }))
  return {
    person: {
      name: p.name,
      slug: p.slug,
      jobTitle: p.jobTitle,
      description: p.description,
      authored,
    },
  }
}

/** The answer for one GraphQL POST body, or null for a query the baseline does not know. */
export function answer(s: Statements, body: string): string | null {
  const { query, variables } = JSON.parse(body) as { query?: string; variables?: { slug?: string } }
  const slug = String(variables?.slug ?? '')
  const data =
    query === storyPage
      ? story(s, slug)
      : query === latest
        ? latestStories(s)
        : query === personPage
          ? person(s, slug)
          : query === '{ __typename }' // the readiness probe (server.ts)
            ? { __typename: 'Query' }
            : null
  return data && JSON.stringify({ data }) + '\n'
}

function main() {
  const file = process.env.BENCH_DB
  if (!file) throw new Error('BENCH_DB must name the archive file')
  const s = openStatements(file)
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/__warta/sql') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      return res.end(JSON.stringify(s.sqlCount()))
    }
    const chunks: Buffer[] = []
    req.on('data', chunk => chunks.push(chunk))
    req.on('end', () => {
      let out: string | null = null
      try {
        out = answer(s, Buffer.concat(chunks).toString('utf8'))
      } catch {
        out = null // a malformed body: the 400 below
      }
      const text = out ?? '{"errors":[{"message":"unknown query"}]}\n'
      // Framed like Keystone's answers: a Content-Length, not chunked.
      res.writeHead(out ? 200 : 400, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
      })
      res.end(text)
    })
  })
  server.listen(Number(process.env.PORT ?? 4000), process.env.HOST ?? '127.0.0.1', () =>
    console.log('Baseline listening')
  )
}

if (process.env.BENCH_DB) main()
