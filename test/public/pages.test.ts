// Which request bodies the public read path takes: exactly a public document, with its own
// variables and (if named) its own operation name; anything else goes to Keystone.
import { describe, expect, it } from 'vitest'
import { latest, personPage, storyPage } from '../../src/public/documents'
import { pageFor } from '../../src/public/pages'

const keyOf = (body: unknown) => pageFor(body)?.key ?? null

describe('pageFor', () => {
  it('keys the public documents by their variables', () => {
    expect(keyOf({ query: storyPage, variables: { slug: 'a' } })).toBe('story:a')
    expect(
      keyOf({ query: personPage, variables: { slug: 'b' }, operationName: 'PersonPage' })
    ).toBe('person:b')
    expect(keyOf({ query: latest })).toBe('latest')
    expect(keyOf({ query: latest, variables: {}, operationName: null })).toBe('latest')
  })

  it('leaves everything else to Keystone', () => {
    expect(keyOf({ query: `${storyPage} `, variables: { slug: 'a' } })).toBeNull()
    expect(
      keyOf({ query: storyPage, variables: { slug: 'a' }, operationName: 'Latest' })
    ).toBeNull()
    expect(keyOf({ query: storyPage, variables: { slug: 1 } })).toBeNull()
    expect(keyOf({ query: storyPage, variables: { slug: 'a', extra: true } })).toBeNull()
    expect(keyOf({ query: storyPage })).toBeNull()
    expect(keyOf({ query: latest, variables: { slug: 'a' } })).toBeNull()
    expect(keyOf({ query: latest, extensions: { persistedQuery: {} } })).toBeNull()
    expect(keyOf([{ query: latest }])).toBeNull()
    expect(keyOf(null)).toBeNull()
  })
})
