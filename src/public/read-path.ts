// The public read path, in front of Keystone's GraphQL endpoint: an anonymous POST whose query
// is one of the public documents (./pages.ts) is answered from the read model (one SQL
// statement) or, the first time, built with a few index-backed statements (./build.ts) and then
// kept. Every other request, and every signed-in one, goes to Keystone untouched.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Context } from '../../generated/keystone/types'
import { tooLargeJson } from '../http/body'
import { buildAndKeep } from './keep'
import { pageFor } from './pages'
import { readPage } from './read-model'

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
// (built, now kept) or `built` (built, not kept: nothing public, or a write came in between).
const SOURCE_HEADER = 'x-warta-read-model'

function send(res: ServerResponse, status: number, body: string, source?: string) {
  res.statusCode = status
  if (source) res.setHeader(SOURCE_HEADER, source)
  res.setHeader('content-type', 'application/json; charset=utf-8')
  res.setHeader('content-length', Buffer.byteLength(body))
  res.end(body)
}

/** For `server.extendExpressApp`: only the context's Prisma client is used. */
export function publicReadPath(graphqlPath: string) {
  return (app: App, context: Context) => {
    app.post(graphqlPath, (req, res, next) => {
      if (!isAnonymous(req) || !isPlainJson(req) || req.body !== undefined) return next()
      void (async () => {
        const raw = await readBody(req)
        if (raw === null) return send(res, 413, tooLargeJson(BODY_LIMIT))
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
          const built = await buildAndKeep(context.prisma, match.page, [match.key])
          const body = built.bodies.get(match.key)
          if (body === undefined) return next()
          return send(res, 200, body, built.kept > 0 ? 'stored' : 'built')
        } catch (error) {
          // The read model is an accelerator: on any failure Keystone answers as usual.
          console.error(`public read path: ${error instanceof Error ? error.message : error}`)
          return next()
        }
      })().catch(next)
    })
  }
}
