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
/**
 * A multipart upload that declares `bytes` of file but sends only its first part, then waits:
 * the server must answer from the headers alone, before reading the parts (as it does for
 * curl -F, whose client stops writing at the answer). Sending all of it would race the
 * server's early answer against the client's writes.
 */
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
  return new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
    const req = request(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': head.length + bytes + tail.length,
        'apollo-require-preflight': '1',
      },
    })
    req.on('response', res => {
      let text = ''
      res.on('data', chunk => (text += chunk))
      res.on('end', () => {
        resolve({ status: res.statusCode!, type: String(res.headers['content-type']), text })
        req.destroy()
      })
    })
    req.on('error', error => {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'EPIPE' && code !== 'ECONNRESET') reject(error)
    })
    req.write(head)
  })
}

describe('bodies Express would answer in HTML get a JSON GraphQL error', () => {
  const multipart = (parts: Record<string, string | Blob>) => {
    const form = new FormData()
    for (const [name, value] of Object.entries(parts)) form.append(name, value)
    return form
  }

  it('multipart is refused altogether: large operations, no map, a 20 MB file', async () => {
    const large = await rawMultipart(1_200_000)
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
