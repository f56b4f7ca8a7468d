// The bare baseline: node:http and hand-written SQL over the published store, answering each of
// the benchmark's documents (./queries.ts) with the bytes the Content API sends, and nothing
// else: no GraphQL, no framework. It is what the hardware can do for these pages, so Warta's
// numbers are reported as a share of it.
//   BENCH_DB=/path/to.db PORT=4000 node --import tsx scripts/bench/baseline.ts
import { createServer } from 'node:http'
import { openStatements, type Row, type Statements } from './baseline-sql'
import { documents } from './queries'

/** What to copy of an object, in the query's field order: a field, a nested shape, or computed. */
type Shape = { [field: string]: true | Shape | ((o: Row) => unknown) }

const siteUrl = (process.env.PUBLIC_SITE_URL || 'http://localhost:3000').replace(/\/+$/, '')
const url = (o: Row) => `${siteUrl}/${encodeURIComponent(String(o.slug))}`

function project(value: unknown, shape: Shape): unknown {
  if (value == null) return null
  if (Array.isArray(value)) return value.map(v => project(v, shape))
  const o = value as Row
  const out: Row = {}
  for (const [field, spec] of Object.entries(shape))
    out[field] =
      spec === true ? (o[field] ?? null) : typeof spec === 'function' ? spec(o) : project(o[field], spec) // prettier-ignore
  return out
}

const named = { name: true, slug: true } as const
const org = { name: true, shortName: true, slug: true } as const
const cardShape: Shape = { id: true, slug: true, url, headline: true, publishedAt: true, summary: true, dateline: true, authors: named } // prettier-ignore
const cursor = (o: Row) => Buffer.from(JSON.stringify([o.publishedAt, o.id])).toString('base64url')

/** Store timestamps are ISO text with "+00:00" (Prisma's better-sqlite3 adapter). */
const nowParam = () => new Date().toISOString().replace('Z', '+00:00')
const parse = (row: Row | undefined) => (row ? (JSON.parse(String(row.data)) as Row) : null)

function story(s: Statements, slug: string) {
  const now = nowParam()
  const data = parse(s.story.get({ slug, now }))
  if (!data) return { story: null }
  const links = (data.relatedLinks as Row[] | undefined) ?? []
  const ids = links.map(l => l.targetId).filter(Boolean)
  const targets = new Map<unknown, Row>()
  if (ids.length > 0)
    for (const row of s.targets.all({ ids: JSON.stringify(ids), now }))
      targets.set(row.articleId, JSON.parse(String(row.card)) as Row)
  const target = (l: Row) =>
    project(targets.get(l.targetId) ?? null, { headline: true, slug: true, url })
  return {
    story: project(data, {
      id: true, slug: true, url, status: true, headline: true, publishedAt: true,
      modifiedAt: true, killNotice: true, killedAt: true, summary: true,
      body: { document: true, html: true }, language: true, dateline: true, datelinePlace: named,
      storyDate: true, publicationNote: true, sourceCredit: true, copyrightNotice: true,
      copyrightHolder: org, originalUrl: true, authors: { ...named, jobTitle: true },
      editors: named, people: named, organizations: org, sources: org, places: named, tags: named,
      relatedLinks: { label: true, url: true, placement: true, afterParagraph: true, position: true, target }, // prettier-ignore
      corrections: { kind: true, note: true, createdAt: true },
    }), // prettier-ignore
  }
}

function storySmall(s: Statements, slug: string) {
  const data = parse(s.storyCard.get({ slug, now: nowParam() }))
  return {
    story: project(data, { slug: true, url, headline: true, publishedAt: true, summary: true, authors: named }), // prettier-ignore
  }
}

/** A connection of cards, from up to first + 1 rows. */
function connection(rows: Row[]) {
  const nodes = rows.slice(0, 20).map(parse) as Row[]
  const edges = nodes.map(n => ({ cursor: cursor(n), node: project(n, cardShape) }))
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > 20, endCursor: edges.at(-1)?.cursor ?? null },
  }
}

function stories(s: Statements, after: string | undefined) {
  let cursorAt: string | null = null
  let cursorId: string | null = null
  if (after !== undefined) {
    const [at, id] = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as string[]
    cursorAt = new Date(at!).toISOString().replace('Z', '+00:00')
    cursorId = id!
  }
  return { stories: connection(s.latest.all({ now: nowParam(), cursorAt, cursorId })) }
}

const PROFILE_FIELDS: Record<string, Shape> = {
  person: { name: true, jobTitle: true, description: true },
  organization: { name: true, shortName: true, kind: true, url: true },
  place: { name: true, alternateName: true, kind: true, countryCode: true },
  tag: { name: true },
}

function profile(s: Statements, kind: string, slug: string) {
  const now = nowParam()
  const row = s.profile.get({ kind, slug, now })
  if (!row) return { [kind]: null }
  const data = parse(row)!
  const page = connection(s.profileStories.all({ kind, id: row.id, now }))
  return {
    [kind]: { ...(project(data, { id: true, slug: true, ...PROFILE_FIELDS[kind] }) as Row), stories: page }, // prettier-ignore
  }
}

/** The answer for one GraphQL POST body, or null for a document the baseline does not know. */
export function answer(s: Statements, body: string): string | null {
  const { query, variables = {} } = JSON.parse(body) as {
    query?: string
    variables?: Record<string, string>
  }
  const slug = String(variables.slug ?? '')
  const data =
    query === documents.story ? story(s, slug)
    : query === documents.storySmall ? storySmall(s, slug)
    : query === documents.front ? stories(s, undefined)
    : query === documents.page2 ? stories(s, String(variables.after))
    : query === documents.person ? profile(s, 'person', slug)
    : query === documents.organization ? profile(s, 'organization', slug)
    : query === documents.place ? profile(s, 'place', slug)
    : query === documents.tag ? profile(s, 'tag', slug)
    : query === documents.typename ? { __typename: 'Query' }
    : null // prettier-ignore
  return data && JSON.stringify({ data })
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
      const text = out ?? '{"errors":[{"message":"unknown query"}]}'
      // Framed like the Content API's answers: a Content-Length, not chunked.
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
