// The public read path, in front of Keystone's GraphQL endpoint: an anonymous POST whose query
// is one of the public documents (./pages.ts) is answered from the read model (one SQL
// statement) or, the first time, through Keystone as an anonymous reader, and then kept. Every
// other request, and every signed-in one, goes to Keystone untouched.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Context } from '../../generated/keystone/types'
import { pageFor, publicPages, type PublicPage } from './pages'
import { currentEpoch, readPage, storePage } from './read-model'

type Req = IncomingMessage & { body?: unknown }
type Next = (error?: unknown) => void
type App = {
  post(path: string, handler: (req: Req, res: ServerResponse, next: Next) => void): unknown
}

const SESSION_COOKIE = 'keystonejs-session='
const BODY_LIMIT = 100 * 1024 // Keystone's own JSON body limit

/** Staff requests carry a session: they never see, or fill, the public read model. */
function isAnonymous(req: Req) {
  return !req.headers.authorization && !req.headers.cookie?.includes(SESSION_COOKIE)
}

function isPlainJson(req: Req) {
  const type = req.headers['content-type'] ?? ''
  return /^application\/json\s*(;|$)/i.test(type) && !req.headers['content-encoding']
}

function readBody(req: Req): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= BODY_LIMIT) chunks.push(chunk)
    })
    req.on('end', () => resolve(size <= BODY_LIMIT ? Buffer.concat(chunks).toString('utf8') : null))
    req.on('error', reject)
  })
}

// Says where an answer came from, for operators and tests: `hit` (the read model), `stored`
// (built through Keystone, now kept) or `built` (built, not kept: a write came in between).
const SOURCE_HEADER = 'x-warta-read-model'

function send(res: ServerResponse, status: number, body: string, source?: string) {
  res.statusCode = status
  if (source) res.setHeader(SOURCE_HEADER, source)
  res.setHeader('content-type', 'application/json; charset=utf-8')
  res.setHeader('content-length', Buffer.byteLength(body))
  res.end(body)
}

async function nextScheduled(context: Context): Promise<Date | null> {
  const [next] = await context.sudo().db.Article.findMany({
    where: { status: { equals: 'published' }, publishedAt: { gt: new Date() } },
    orderBy: { publishedAt: 'asc' },
    take: 1,
  })
  return next?.publishedAt ?? null
}

/**
 * Answers the page through Keystone as an anonymous reader and keeps the answer; null when
 * Keystone answered with errors (Apollo then answers the request itself, in its own format).
 */
async function build(
  context: Context,
  page: PublicPage,
  key: string,
  variables: Record<string, unknown>
): Promise<{ body: string; stored: boolean } | null> {
  const epoch = await currentEpoch(context.prisma)
  const result = await context.graphql.raw({ query: page.document, variables })
  if (result.errors?.length || !result.data) return null
  // Byte for byte what Apollo Server sends for the same result.
  const body = JSON.stringify({ data: result.data }) + '\n'
  const [root] = Object.values(result.data)
  // A story or person that does not exist (or is not public) yet is not kept: it has no refs.
  if (epoch !== null && root !== null) {
    const refs = await page.refs(context.sudo(), variables)
    const stored = await storePage(context.prisma, epoch, {
      key,
      body,
      refs,
      expiresAt: await nextScheduled(context),
    })
    return { body, stored }
  }
  return { body, stored: false }
}

/**
 * Builds a story's page ahead of its first reader (after publication), as an anonymous reader
 * would get it. Best effort: a failure only means the first reader builds it instead.
 */
export async function warmStoryPage(context: Context, slug: string) {
  const page = publicPages.find(p => p.name === 'story')!
  const anonymous = context.withSession(undefined) as Context
  await build(anonymous, page, page.key({ slug })!, { slug }).catch(error =>
    console.error(
      `public read path: warming ${slug}: ${error instanceof Error ? error.message : error}`
    )
  )
}

/** For `server.extendExpressApp`: `context` must be Keystone's session-less base context. */
export function publicReadPath(graphqlPath: string) {
  return (app: App, context: Context) => {
    app.post(graphqlPath, (req, res, next) => {
      if (!isAnonymous(req) || !isPlainJson(req) || req.body !== undefined) return next()
      void (async () => {
        const raw = await readBody(req)
        if (raw === null)
          return send(res, 413, '{"errors":[{"message":"Request body too large"}]}\n')
        let body: unknown
        try {
          body = JSON.parse(raw)
        } catch {
          return send(res, 400, '{"errors":[{"message":"The request body is not valid JSON"}]}\n')
        }
        // Keystone's own body parser sees the stream consumed and uses this.
        req.body = body
        const match = pageFor(body)
        if (!match) return next()
        try {
          const stored = await readPage(context.prisma, match.key)
          if (stored !== null) return send(res, 200, stored, 'hit')
          const built = await build(context, match.page, match.key, match.variables)
          if (built === null) return next()
          return send(res, 200, built.body, built.stored ? 'stored' : 'built')
        } catch (error) {
          // The read model is an accelerator: on any failure Keystone answers as usual.
          console.error(`public read path: ${error instanceof Error ? error.message : error}`)
          return next()
        }
      })().catch(next)
    })
  }
}
