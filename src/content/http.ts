// The Content API over HTTP at /api/content/graphql: GET (query and variables in the URL), POST
// (JSON) and persisted queries (Apollo's APQ: extensions.persistedQuery.sha256Hash). No session:
// cookies and authorization headers are never read, so every reader gets the same answer, which
// makes it cacheable: ETag and 304, Cache-Control with s-maxage and stale-while-revalidate, and
// Surrogate-Key / Cache-Tag naming every story and profile in the answer (for CDN purges).
import { hash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { execute, GraphQLError, type DocumentNode, type ExecutionResult } from 'graphql'
import { prepare, refusal } from './budget'
import { budgetChecker } from './budget-cache'
import { contentEnv } from './env'
import { ByteLru } from '../cache/byte-lru'
import { documentBytes } from '../cache/document-size'
import { persistedQuery, rememberPersisted } from './persisted'
import { contentContext, contentSchema } from './schema'
import { contentReader } from './reader'
import type { Reads } from './reader'

type Req = IncomingMessage & { body?: unknown }
type App = { all(path: string, handler: (req: Req, res: ServerResponse) => void): unknown }

const BODY_LIMIT = 100 * 1024
/** Parsed documents kept, estimated bytes with their text (src/cache/document-size.ts). */
export const DOCUMENT_CACHE_BYTES = 4 * 1024 * 1024
/** Longer query texts are parsed each time: clients' usual queries are far shorter. */
export const DOCUMENT_CACHE_TEXT = 4 * 1024
// Surrogate-Key header budget (Fastly's limit is 16 KiB); past it, the broad keys stand in.
const KEYS_LIMIT = 8 * 1024

type Params = {
  query?: string
  variables?: Record<string, unknown>
  operationName?: string
  extensions?: Record<string, unknown>
}

/** An HTTP error: its status and one GraphQL error for the body. */
class Refused extends Error {
  constructor(
    readonly status: number,
    readonly error: GraphQLError
  ) {
    super(error.message)
  }
}
const refuse = (status: number, message: string, code = 'BAD_REQUEST') =>
  new Refused(status, refusal(message, code))

function readBody(req: Req): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= BODY_LIMIT) chunks.push(chunk)
    })
    req.on('end', () =>
      size <= BODY_LIMIT
        ? resolve(Buffer.concat(chunks).toString('utf8'))
        : reject(refuse(413, 'The request body is too large'))
    )
    req.on('error', reject)
  })
}

function json(text: string | null, what: string): unknown {
  if (text == null || text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw refuse(400, `${what} is not valid JSON`)
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v)

/** The GraphQL-over-HTTP parameters, checked for shape. */
function paramsOf(raw: unknown): Params {
  if (!isObject(raw)) throw refuse(400, 'Send one GraphQL request as a JSON object')
  const { query, variables, operationName, extensions } = raw
  if (query != null && typeof query !== 'string') throw refuse(400, '`query` must be a string')
  if (variables != null && !isObject(variables))
    throw refuse(400, '`variables` must be a JSON object')
  if (operationName != null && typeof operationName !== 'string')
    throw refuse(400, '`operationName` must be a string')
  if (extensions != null && !isObject(extensions))
    throw refuse(400, '`extensions` must be a JSON object')
  return {
    query: query ?? undefined,
    variables: variables ?? undefined,
    operationName: operationName ?? undefined,
    extensions: extensions ?? undefined,
  }
}

async function requestParams(req: Req): Promise<Params> {
  if (req.method === 'GET') {
    const url = new URL(req.url ?? '/', 'http://content.invalid')
    const get = (name: string) => url.searchParams.get(name)
    return paramsOf({
      query: get('query'),
      variables: json(get('variables'), '`variables`'),
      operationName: get('operationName'),
      extensions: json(get('extensions'), '`extensions`'),
    })
  }
  const type = req.headers['content-type'] ?? ''
  if (
    !/^application\/(graphql-response\+)?json\s*(;|$)/i.test(type) ||
    req.headers['content-encoding']
  )
    throw refuse(415, 'POST a JSON body (Content-Type: application/json)')
  const body = req.body !== undefined ? req.body : json(await readBody(req), 'The request body')
  return paramsOf(body)
}

/** The header value of the answer's cache keys (space-separated for Surrogate-Key). */
function keysOf(keys: Set<string>): string[] {
  const all = [...keys].sort()
  if (all.join(' ').length <= KEYS_LIMIT) return all
  // Too many to name: the broad keys every publication and profile change also purges.
  return ['profiles', 'stories']
}

function send(
  req: Req,
  res: ServerResponse,
  status: number,
  result: ExecutionResult | { errors: GraphQLError[] },
  keys?: Set<string>
) {
  const body = JSON.stringify(result)
  res.setHeader('access-control-allow-origin', '*')
  res.setHeader('x-content-type-options', 'nosniff')
  res.setHeader('content-type', 'application/json; charset=utf-8')
  if (status !== 200 || !keys) {
    res.statusCode = status
    res.setHeader('cache-control', 'no-store')
    res.end(body)
    return
  }
  // crypto.hash: the one-shot form, without a Hash object per answer (same digest).
  const etag = `"${hash('sha256', body, 'base64url').slice(0, 32)}"`
  const { maxAge, sMaxAge, staleWhileRevalidate } = contentEnv
  res.setHeader('etag', etag)
  res.setHeader(
    'cache-control',
    `public, max-age=${maxAge}, s-maxage=${sMaxAge}, stale-while-revalidate=${staleWhileRevalidate}`
  )
  const names = keysOf(keys)
  res.setHeader('surrogate-key', names.join(' '))
  res.setHeader('cache-tag', names.join(','))
  const match = req.headers['if-none-match']
  if (match && match.split(',').some(tag => tag.trim().replace(/^W\//, '') === etag)) {
    res.statusCode = 304
    res.end()
    return
  }
  res.statusCode = 200
  res.setHeader('content-length', Buffer.byteLength(body))
  res.end(body)
}

type Handler = (req: Req, res: ServerResponse) => void
let shared: Handler | undefined

/**
 * The Content API's request handler, made once per process (one read connection, one document
 * cache): src/start.mjs serves it before Keystone has loaded, then Express (`contentApi`) does.
 * It reads through its own connection (./reader.ts), never Keystone's context.
 */
export function contentHandler(): Handler {
  return (shared ??= makeHandler(contentReader()))
}

/** For `server.extendExpressApp`: the shared handler at `path`. */
export function contentApi(path: string) {
  return (app: App) => void app.all(path, contentHandler())
}

function makeHandler(db: Reads): Handler {
  const schema = contentSchema()
  const overBudget = budgetChecker(schema)
  // Parsed and validated documents by query text: the same few queries come again and again.
  const documents = new ByteLru<string, DocumentNode>({
    maxBytes: DOCUMENT_CACHE_BYTES,
    // The key is the document's own source text, which documentBytes counts.
    sizeOf: (_query, document) => documentBytes(document),
  })
  return (req: Req, res: ServerResponse) => {
    if (req.method === 'OPTIONS') {
      res.statusCode = 204
      res.setHeader('access-control-allow-origin', '*')
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS')
      res.setHeader('access-control-allow-headers', 'content-type, if-none-match')
      res.setHeader('access-control-max-age', '86400')
      return res.end()
    }
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.setHeader('allow', 'GET, POST, OPTIONS')
      return send(req, res, 405, { errors: [refusal('Use GET or POST')] })
    }
    void answer(req, res).catch(error => {
      if (error instanceof Refused) return send(req, res, error.status, { errors: [error.error] })
      if (error instanceof GraphQLError) return send(req, res, 400, { errors: [error] })
      console.error(`Content API: ${error instanceof Error ? error.message : error}`)
      send(req, res, 503, {
        errors: [refusal('The Content API could not answer; try again', 'UNAVAILABLE')],
      })
    })
  }

  async function answer(req: Req, res: ServerResponse) {
    const params = await requestParams(req)
    const { query, hash } = persistedQuery(params.query, params.extensions)
    let document = documents.get(query)
    if (!document) {
      const prepared = prepare(schema, query)
      if ('errors' in prepared) return send(req, res, 400, prepared)
      document = prepared.document
      if (query.length <= DOCUMENT_CACHE_TEXT) documents.set(query, document)
    }
    if (hash) rememberPersisted(hash, query)
    const budget = overBudget(document, params.variables, params.operationName)
    if (budget) return send(req, res, 400, { errors: [budget] })
    const contextValue = contentContext(db)
    const result = await execute({
      schema,
      document,
      contextValue,
      variableValues: params.variables,
      operationName: params.operationName,
    })
    if (!result.errors?.length) return send(req, res, 200, result, contextValue.keys)
    // Errors of the request's own making are 400 with their message; anything else is ours.
    const mine = result.errors.every(
      e => e.originalError === undefined || e.originalError instanceof GraphQLError
    )
    if (!mine)
      throw result.errors.find(e => !(e.originalError instanceof GraphQLError))!.originalError
    return send(req, res, 400, {
      errors: result.errors.map(e =>
        refusal(e.message, String(e.extensions?.code ?? 'BAD_USER_INPUT'))
      ),
    })
  }
}
