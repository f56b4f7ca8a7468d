// The GraphQL endpoint's JSON body, parsed by body-parser (what Keystone itself uses) under one
// limit (WARTA_GRAPHQL_BODY_LIMIT, src/graphql/budgets.ts) that fits a 50,000-word story with
// margin. Keystone's own parser, registered later, finds the body parsed and skips it. What
// body-parser refuses (too large, not JSON, an unknown charset) is answered as a GraphQL error in
// JSON with `extensions.code`, never Express's HTML error page.
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

export type BodyErrorCode = 'BODY_TOO_LARGE' | 'BAD_REQUEST'

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

/** For `server.extendExpressApp`, after the public read path (which reads its own bodies). */
export function graphqlBody(graphqlPath: string, limit: number) {
  return (app: App) => {
    app.use(
      graphqlPath,
      bodyParser.json({ limit }),
      (error: unknown, _req: IncomingMessage, res: ServerResponse, next: Next) => {
        const { type, status } = (error ?? {}) as { type?: string; status?: number }
        if (!type || !status) return next(error)
        if (type === 'entity.too.large') return sendJson(res, 413, tooLargeJson(limit))
        const message =
          type === 'entity.parse.failed'
            ? 'The request body is not valid JSON'
            : `The request body could not be read (${type})`
        return sendJson(
          res,
          status >= 400 && status < 500 ? status : 400,
          bodyErrorJson('BAD_REQUEST', message)
        )
      }
    )
  }
}
