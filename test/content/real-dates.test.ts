// The Content API holds dates to the staff API's calendar rule (src/fields/calendar.ts): an
// impossible date-time in a filter, a variable or a cursor is a 400 with a GraphQL error that
// says so, never an answer computed from a date JavaScript rolled over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeCursor } from '../../src/content/cursor'
import { startServer, type StartedServer } from '../helpers/server'

let server: StartedServer
beforeAll(async () => {
  server = await startServer()
}, 120_000)
afterAll(async () => server?.stop())

async function post(query: string, variables?: object) {
  const response = await fetch(`${server.url}/api/content/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  })
  return { status: response.status, body: (await response.json()) as any } // eslint-disable-line @typescript-eslint/no-explicit-any
}

const IMPOSSIBLE = [
  '2023-02-30T00:00:00Z',
  '2024-12-31T24:00:00Z',
  '2023-02-29T00:00:00Z',
  '2023-02-28',
  '2023-13-01T00:00:00Z',
  '2023-04-31T10:00:00+07:00',
  '2023-01-01T10:60:00Z',
  '2023-01-01T10:00:00+25:00',
]
const cursorOf = (publishedAt: string) =>
  Buffer.from(JSON.stringify([publishedAt, 'x'])).toString('base64url')

describe.each(IMPOSSIBLE)('%s', date => {
  it('is refused as a filter literal', async () => {
    const { status, body } = await post(
      `{ stories(first: 1, filter: { publishedAfter: ${JSON.stringify(date)} }) { nodes { slug } } }`
    )
    expect(status).toBe(400)
    expect(body.data).toBeUndefined()
    expect(body.errors[0].message).toMatch(/not a real date and time/)
  })

  it('is refused as a variable', async () => {
    const { status, body } = await post(
      'query($d: DateTime) { stories(first: 1, filter: { publishedBefore: $d }) { nodes { slug } } }',
      { d: date }
    )
    expect(status).toBe(400)
    expect(body.errors[0].message).toMatch(/not a real date and time/)
  })

  it('is refused inside a cursor', async () => {
    const { status, body } = await post(
      `{ stories(first: 1, after: ${JSON.stringify(cursorOf(date))}) { nodes { slug } } }`
    )
    expect(status).toBe(400)
    expect(body.errors[0].message).toMatch(/not a cursor this API gave out/)
  })
})

it('real dates and the cursors the API gives out still work', async () => {
  const ok = await post(
    '{ stories(first: 1, filter: { publishedAfter: "2024-02-29T23:59:59.5+07:00" }) { nodes { slug } } }'
  )
  expect(ok.status).toBe(200)
  const cursor = encodeCursor({ publishedAt: new Date().toISOString(), id: '1' })
  const next = await post(`{ stories(first: 1, after: "${cursor}") { nodes { slug } } }`)
  expect(next.status).toBe(200)
  expect(next.body.errors).toBeUndefined()
})
