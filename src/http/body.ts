// The GraphQL endpoint's JSON body, parsed by body-parser (what Keystone itself uses) under one
// limit (WARTA_GRAPHQL_BODY_LIMIT, src/graphql/budgets.ts) that fits a 50,000-word story with
// margin. Keystone's own parser, registered later, finds the body parsed and skips it. What
// body-parser refuses (too large, not JSON, an unknown charset) is answered as a GraphQL error in
// JSON with `extensions.code`, never Express's HTML error page. So is a body that is not
// compressed as its Content-Encoding says (zlib's error, which body-parser passes on untyped).
// No list takes files (no Upload scalar in the schema): a multipart request is refused with a
// 415 before its parts are read, where Keystone's graphql-upload would read them, file and all.
import { createRequire } from 'node:module'
import path from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'

type Next = (error?: unknown) => void
type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void
type App = {
  use(path: string, ...handlers: unknown[]): unknown
}

// No type declarations are installed for body-parser: the little used here, typed.
const bodyParser = createRequire(path.join(process.cwd(), 'package.json'))('body-parser') as {
  json(options: { limit: number; type?: string }): Middleware
}

export type BodyErrorCode = 'BODY_TOO_LARGE' | 'BAD_REQUEST' | 'UNSUPPORTED_MEDIA_TYPE'

/** The JSON of a GraphQL error answer, for any middleware that refuses a body. */
export function bodyErrorJson(code: BodyErrorCode, message: string, limit?: number): string {
  const extensions = limit === undefined ? { code } : { code, limit }
  return JSON.stringify({ errors: [{ message, extensions }] }) + '\n'
}

function sendJson(res: ServerResponse, status: number, body: string) {
  res.statusCode = status
  res.setHeader('content-type', 'application/json; charset=utf-8')
  res.setHeader('content-length', Buffer.byteLength(body))
  res.end(body)
}

const size = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.round(bytes / 1024)} KiB`
    : `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`

/** The 413 answer's JSON for a body over `limit` bytes (also the public read path's). */
export const tooLargeJson = (limit: number) =>
  bodyErrorJson(
    'BODY_TOO_LARGE',
    `The request body is larger than ${size(limit)}, the most this server accepts`,
    limit
  )

const MULTIPART = JSON.stringify({
  errors: [
    {
      message:
        'multipart requests (file uploads) are not accepted here: send the operation as ' +
        'application/json',
      extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' },
    },
  ],
})

/** How long a refused oversized upload may go on sending before its connection is cut (ms). */
const DISCARD_MS = 5_000

/**
 * Refuses a multipart request unread: over the body limit (by its Content-Length) with a 413 and
 * the connection closed, else with a 415 while its bytes are discarded (never stored).
 */
function noMultipart(limit: number) {
  return (req: IncomingMessage, res: ServerResponse, next: Next) => {
    if (!/^multipart\//i.test(req.headers['content-type'] ?? '')) return next()
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      res.setHeader('connection', 'close')
      sendJson(res, 413, tooLargeJson(limit))
      // The rest is discarded as it comes, so the client (still writing) reads the answer
      // instead of a reset; a sender that keeps going past a few seconds is cut off.
      req.resume()
      const cutOff = setTimeout(() => req.socket.destroy(), DISCARD_MS)
      req.once('end', () => clearTimeout(cutOff))
      return
    }
    req.resume()
    sendJson(res, 415, MULTIPART + '\n')
  }
}

/** What to tell the client of a body-parser error without a `type` (zlib's, so far). */
function untypedMessage(req: IncomingMessage) {
  const encoding = req.headers['content-encoding']
  return encoding
    ? `The request body is not compressed as its Content-Encoding (${encoding}) says`
    : 'The request body could not be read'
}

/** For `server.extendExpressApp`, after the public read path (which reads its own bodies). */
export function graphqlBody(graphqlPath: string, limit: number) {
  return (app: App) => {
    app.use(
      graphqlPath,
      noMultipart(limit),
      bodyParser.json({ limit }),
      (error: unknown, req: IncomingMessage, res: ServerResponse, next: Next) => {
        const { type, status } = (error ?? {}) as { type?: string; status?: number }
        if (!status || status < 400 || status >= 500) return next(error)
        if (type === 'entity.too.large') return sendJson(res, 413, tooLargeJson(limit))
        const message =
          type === 'entity.parse.failed'
            ? 'The request body is not valid JSON'
            : type
              ? `The request body could not be read (${type})`
              : untypedMessage(req)
        return sendJson(
          res,
          status >= 400 && status < 500 ? status : 400,
          bodyErrorJson('BAD_REQUEST', message)
        )
      }
    )
  }
}
