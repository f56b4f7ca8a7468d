// One rule for a body link's address (src/fields/link-href.ts), used by the staff API's body
// check and the Content API's HTML renderer alike.
import { describe, expect, it } from 'vitest'
import { bodyProblem } from '../../src/fields/body-rules'
import { linkHrefProblem } from '../../src/fields/link-href'
import { documentToHtml, safeHref } from '../../src/content/html'

const REFUSED = [
  '/\\evil.example/p',
  '/\\/evil.example',
  '//evil.example/p',
  '///evil.example',
  '/berita\\..\\x',
  'https:\\\\evil.example',
  'https://x.test\\@evil.example',
  '/berita/1 2',
  ' /berita/1',
  'https://x.test/a\tb',
  'java\nscript:alert(1)',
  '/berita\u0000',
  'https://x.test/\u00a0',
  'https://x.test/\u202e',
  'http:evil.example',
  'javascript:alert(1)',
]
const ACCEPTED = [
  '/berita/1',
  '/',
  '/cari?q=banjir&hal=2',
  'https://www.antaranews.com/',
  'http://x.test/a?b=1#c',
  'mailto:redaksi@antaranews.com',
]
const body = (href: string) => [
  { type: 'paragraph', children: [{ type: 'link', href, children: [{ text: 'x' }] }] },
]

describe.each(REFUSED)('%j', href => {
  it('is refused by the rule and the body check', () => {
    expect(linkHrefProblem(href)).not.toBeNull()
    expect(bodyProblem(body(href))).toMatch(/^holds a link whose address must/)
  })
  it('is not a link in the readers’ HTML', () => {
    expect(safeHref(href)).toBeNull()
  })
})

it.each(ACCEPTED)('accepts %j', href => {
  expect(linkHrefProblem(href)).toBeNull()
  expect(bodyProblem(body(href))).toBeNull()
})

it('the renderer keeps the text of a refused link and drops its address', () => {
  expect(documentToHtml(body('/\\evil.example/p'))).toBe('<p>x</p>\n')
})
