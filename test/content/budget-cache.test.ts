// The Content API's budget verdicts are remembered per document (src/content/budget-cache.ts),
// keyed by every variable that can change the cost: a remembered pass must never let through a
// request that overBudget itself would refuse (a larger `first`, an @include that adds bodies,
// null where a default applied), and a slug or filter must not split the memory. Over real
// HTTP: graphql-query-complexity's CommonJS graphql is the server bundle's only graphql.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VERDICTS_PER_DOCUMENT } from '../../src/content/budget-cache'
import { startServer, type StartedServer } from '../helpers/server'

let server: StartedServer
beforeAll(async () => {
  server = await startServer({})
}, 120_000)
afterAll(async () => server?.stop())

/** The refusal's code, or 'passed' for an answer with data (an empty store answers too). */
async function verdict(query: string, variables?: unknown, operationName?: string) {
  const response = await fetch(`${server.url}/api/content/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables, operationName }),
  })
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] }
  if (response.status === 200 && !body.errors) return 'passed'
  expect(response.status).toBe(400)
  return body.errors?.[0]?.extensions?.code
}

describe('budget verdicts, remembered', () => {
  it('gives overBudget’s verdict for every variable that changes the cost, in any order', async () => {
    const cases: [string, Record<string, unknown> | undefined][] = [
      ['query($n: Int) { stories(first: $n) { nodes { slug body { html } } } }', { n: 5 }],
      ['query($n: Int) { stories(first: $n) { nodes { slug body { html } } } }', { n: 50 }],
      ['query($n: Int) { stories(first: $n) { nodes { slug body { html } } } }', { n: 5 }],
      ['query($n: Int) { stories(first: $n) { nodes { slug body { html } } } }', { n: 1000 }],
      ['query($b: Boolean!) { stories(first: 50) { nodes { body @include(if: $b) { html } } } }', { b: false }], // prettier-ignore
      ['query($b: Boolean!) { stories(first: 50) { nodes { body @include(if: $b) { html } } } }', { b: true }], // prettier-ignore
      ['query($n: Int = 5) { stories(first: $n) { nodes { body { html } } } }', undefined],
      ['query($n: Int = 5) { stories(first: $n) { nodes { body { html } } } }', { n: null }],
      ['query($a: String) { stories(after: $a) { nodes { slug } } }', { a: null }],
      ['query($a: String) { stories(after: $a) { nodes { slug } } }', { a: 'not a cursor' }],
      ['query($s: String!) { tag(slug: $s) { stories(first: 5) { nodes { body { html } } } } }', { s: 'a' }], // prettier-ignore
      ['query($s: String!) { tag(slug: $s) { stories(first: 50) { nodes { body { html } } } } }', { s: 'b' }], // prettier-ignore
    ]
    const verdicts: unknown[] = []
    for (const [query, variables] of cases) verdicts.push(await verdict(query, variables))
    expect(verdicts).toEqual([
      'passed', 'OVER_BUDGET', 'passed', 'BAD_USER_INPUT', 'passed', 'OVER_BUDGET',
      'passed', 'OVER_BUDGET', 'passed', 'BAD_USER_INPUT', 'passed', 'OVER_BUDGET',
    ]) // prettier-ignore
  })

  it('keys operations apart, forgets past its bound, and leaves other variables to execution', async () => {
    const both = `query Small { stories(first: 5) { nodes { body { html } } } }
      query Large { stories(first: 50) { nodes { body { html } } } }`
    expect(await verdict(both, undefined, 'Small')).toBe('passed')
    expect(await verdict(both, undefined, 'Large')).toBe('OVER_BUDGET')
    const paged = 'query($n: Int) { stories(first: $n) { nodes { slug } } }'
    for (let n = 0; n <= VERDICTS_PER_DOCUMENT + 5; n++)
      expect(await verdict(paged, { n: n % 101 })).toBe('passed')
    expect(await verdict(paged, { n: 101 })).toBe('BAD_USER_INPUT')
    // A remembered pass for the document; a slug of the wrong type is still refused.
    const story = 'query($s: String!) { story(slug: $s) { slug } }'
    expect(await verdict(story, { s: 'x' })).toBe('passed')
    expect(await verdict(story, { s: 42 })).toBeTruthy()
    expect(await verdict(story, { s: 42 })).not.toBe('passed')
  })
})
