// Issue 12 §8: security headers on every response (the staff API, its refusals, the Content API,
// errors), and
// HSTS only where the site is served over HTTPS. The Admin UI's pages: test/e2e/csp.e2e.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type StartedServer } from '../helpers/server'

let development: StartedServer
let production: StartedServer
beforeAll(async () => {
  ;[development, production] = await Promise.all([
    startServer(),
    startServer({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }),
  ])
}, 120_000)
afterAll(async () => Promise.all([development?.stop(), production?.stop()]))

const post = (url: string, body: string, path = '/api/graphql') =>
  fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  })

/** Every kind of answer the server gives, from each of its layers. */
const answers = (url: string) => ({
  'a GraphQL answer': () => post(url, JSON.stringify({ query: '{ authenticatedItem { id } }' })),
  'an anonymous caller refused': () => post(url, JSON.stringify({ query: '{ articlesCount }' })),
  'the Content API': () =>
    post(url, JSON.stringify({ query: '{ stories { nodes { slug } } }' }), '/api/content/graphql'),
  'a refused query': () => post(url, JSON.stringify({ query: '{ articles(take: 5000) { id } }' })),
  'a body over the limit': () => post(url, JSON.stringify({ query: 'x'.repeat(200 * 1024) })),
  'a body that is not JSON': () => post(url, '{'),
  'an unknown path': () => fetch(`${url}/no-such-page`),
})

function expectSecurityHeaders(headers: Headers) {
  const csp = headers.get('content-security-policy') ?? ''
  expect(csp).toContain("frame-ancestors 'none'")
  // Express's own error pages keep their stricter `default-src 'none'`.
  expect(csp).toMatch(/default-src '(self|none)'/)
  if (csp.includes("default-src 'self'")) expect(csp).toContain("object-src 'none'")
  expect(headers.get('x-content-type-options')).toBe('nosniff')
  expect(headers.get('referrer-policy')).toBe('no-referrer')
  expect(headers.get('x-frame-options')).toBe('DENY')
  expect(headers.get('x-powered-by')).toBeNull()
}

describe('security headers', () => {
  it('are on every response, whichever layer answers', async () => {
    for (const server of [development, production]) {
      for (const [what, send] of Object.entries(answers(server.url))) {
        const response = await send()
        await response.arrayBuffer()
        try {
          expectSecurityHeaders(response.headers)
        } catch (error) {
          throw new Error(`${what} (${response.status}): ${(error as Error).message}`)
        }
      }
    }
  })

  it('HSTS only when served over HTTPS (production, with its secure cookie)', async () => {
    const plain = await post(development.url, JSON.stringify({ query: '{ articlesCount }' }))
    expect(plain.headers.get('strict-transport-security')).toBeNull()
    const secure = await post(production.url, JSON.stringify({ query: '{ articlesCount }' }))
    expect(secure.headers.get('strict-transport-security')).toMatch(/max-age=31536000/)
  })

  it('production’s policy allows no eval and no other origin but the Admin UI’s fonts', async () => {
    const response = await post(production.url, JSON.stringify({ query: '{ articlesCount }' }))
    const csp = response.headers.get('content-security-policy')!
    expect(csp).not.toContain('unsafe-eval')
    // Only the Admin UI's typeface comes from another origin.
    const origins = csp.match(/https:\/\/[^\s;]+/g) ?? []
    expect(new Set(origins)).toEqual(
      new Set(['https://fonts.googleapis.com', 'https://fonts.gstatic.com'])
    )
  })
})
