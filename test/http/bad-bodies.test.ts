// Bodies Express would answer with an HTML error page (multipart with large or missing parts, a
// Content-Encoding the body does not have) get a JSON GraphQL error; multipart, which no list
// needs, is refused before its parts are read.
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type StartedServer } from '../helpers/server'

let server: StartedServer
beforeAll(async () => {
  server = await startServer()
}, 120_000)
afterAll(async () => server?.stop())

/** A raw POST to the staff API: JSON answer, never HTML. */
async function post(body: BodyInit, headers: Record<string, string>) {
  const response = await fetch(`${server.url}/api/graphql`, {
    method: 'POST',
    headers: { 'apollo-require-preflight': '1', ...headers },
    body,
  })
  const type = response.headers.get('content-type') ?? ''
  const text = await response.text()
  expect(type).toMatch(/^application\/json/)
  const json = JSON.parse(text) as { errors: { message: string; extensions: { code: string } }[] }
  return { status: response.status, json }
}

/** A multipart upload of a `bytes`-long file, read as soon as the server answers. */
function rawMultipart(bytes: number) {
  const boundary = 'warta-test-boundary'
  const part = (name: string, value: string) =>
    `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
  const head = Buffer.from(
    part('operations', JSON.stringify({ query: '{ __typename }', variables: { f: null } })) +
      part('map', '{"0":["variables.f"]}') +
      `--${boundary}\r\ncontent-disposition: form-data; name="0"; filename="a.bin"\r\n\r\n`
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  const body = Buffer.concat([head, Buffer.alloc(bytes), tail])
  return new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
    const req = request(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': body.length,
        'apollo-require-preflight': '1',
      },
    })
    req.on('response', res => {
      let text = ''
      res.on('data', chunk => (text += chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode!, type: String(res.headers['content-type']), text })
      )
    })
    // The server answers and closes before the 20 MB are written: the write may then fail
    // (EPIPE, ECONNRESET) whether or not it had finished. The answer is what counts; without
    // one the test times out.
    req.on('error', error => {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'EPIPE' && code !== 'ECONNRESET') reject(error)
    })
    req.end(body)
  })
}

describe('bodies Express would answer in HTML get a JSON GraphQL error', () => {
  const multipart = (parts: Record<string, string | Blob>) => {
    const form = new FormData()
    for (const [name, value] of Object.entries(parts)) form.append(name, value)
    return form
  }

  it('multipart is refused altogether: large operations, no map, a 20 MB file', async () => {
    const operations = JSON.stringify({ query: `{ __typename } #${'x'.repeat(1_200_000)}` })
    const large = await post(multipart({ operations, map: '{}' }), {})
    expect([413, 415]).toContain(large.status)
    const noMap = await post(multipart({ operations: '{"query":"{ __typename }"}' }), {})
    expect(noMap.status).toBe(415)
    expect(noMap.json.errors[0]!.extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE')
    // 20 MB mapped to an undeclared variable: answered at once, as curl -F would see it (fetch
    // gives up writing the rest once the server closes, hence a raw request).
    const upload = await rawMultipart(20 * 1024 * 1024)
    expect(upload.status).toBe(413)
    expect(upload.type).toMatch(/^application\/json/)
    expect(JSON.parse(upload.text).errors[0].extensions.code).toBe('BODY_TOO_LARGE')
  })

  it('a Content-Encoding the body does not have', async () => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const { status, json } = await post('{"query":"{ __typename }"}', {
        'content-type': 'application/json',
        'content-encoding': encoding,
      })
      expect(status).toBe(400)
      expect(json.errors[0]!.message).toMatch(/compressed|encoding/i)
    }
  })
})
