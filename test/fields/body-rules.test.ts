import { describe, expect, it } from 'vitest'
import { BODY_LIMITS, bodyProblem } from '../../src/fields/body-rules'

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ text }] })

/** `depth` blockquotes inside each other, built without recursion. */
function nested(depth: number) {
  let node: Record<string, unknown> = paragraph('dalam')
  for (let i = 0; i < depth; i++) node = { type: 'blockquote', children: [node] }
  return [node]
}

describe('bodyProblem', () => {
  it('accepts what the editor makes', () => {
    const document = [
      { type: 'heading', level: 2, children: [{ text: 'Judul', bold: true }] },
      paragraph('Baris satu\nbaris dua'),
      {
        type: 'paragraph',
        children: [
          { text: 'Baca ' },
          { type: 'link', href: 'https://www.antaranews.com/', children: [{ text: 'ANTARA' }] },
          { text: '', italic: true, strikethrough: true },
        ],
      },
      { type: 'blockquote', children: [paragraph('Kutipan')] },
      {
        type: 'unordered-list',
        children: [
          {
            type: 'list-item',
            children: [{ type: 'list-item-content', children: [{ text: 'satu' }] }],
          },
        ],
      },
      { type: 'divider', children: [{ text: '' }] },
    ]
    expect(bodyProblem(document)).toBeNull()
  })

  it('refuses 100,000 levels of nesting without recursing', () => {
    expect(bodyProblem(nested(100_000))).toMatch(/nested deeper than 32 levels/)
  })

  it('accepts a 50,000-word long read', () => {
    const words = 'kata '.repeat(50).trim()
    const document = Array.from({ length: 1000 }, () => paragraph(words))
    expect(bodyProblem(document)).toBeNull()
    expect(JSON.stringify(document).length).toBeLessThan(BODY_LIMITS.jsonBytes)
  })

  it('refuses too much text and too many nodes', () => {
    const big = Array.from({ length: 11 }, () => paragraph('x'.repeat(100_000)))
    expect(bodyProblem(big)).toMatch(/more than 1000000 characters/)
    const many = Array.from({ length: 100_001 }, () => paragraph(''))
    expect(bodyProblem(many)).toMatch(/more than 200000 nodes/)
  })

  it.each([
    ['a component block', { type: 'component-block', component: 'x', props: {}, children: [] }],
    ['a layout', { type: 'layout', layout: [1, 1], children: [] }],
    ['a relationship', { type: 'relationship', relationship: 'x', data: null, children: [] }],
    ['an image', { type: 'image', src: 'https://x.test/a.png', children: [] }],
    ['a code block', { type: 'code', children: [{ text: 'x' }] }],
    ['a level-1 heading', { type: 'heading', level: 1, children: [{ text: 'x' }] }],
    ['a level-5 heading', { type: 'heading', level: 5, children: [{ text: 'x' }] }],
    ['aligned text', { type: 'paragraph', textAlign: 'center', children: [{ text: 'x' }] }],
    ['an unknown mark', { type: 'paragraph', children: [{ text: 'x', underline: true }] }],
    ['a code mark', { type: 'paragraph', children: [{ text: 'x', code: true }] }],
    ['a false mark', { type: 'paragraph', children: [{ text: 'x', bold: 'yes' }] }],
    ['NUL in text', paragraph('a\u0000b')],
    ['a lone surrogate', paragraph('a\ud83c')],
    ['a node without type', { children: [{ text: 'x' }] }],
    ['a link at the top', { type: 'link', href: 'https://x.test', children: [{ text: 'x' }] }],
    ['a number', 42],
    [
      'an overlong link',
      {
        type: 'paragraph',
        children: [
          { type: 'link', href: `https://x.test/${'a'.repeat(2100)}`, children: [{ text: 'x' }] },
        ],
      },
    ],
  ])('refuses %s', (_, node) => {
    expect(bodyProblem([node])).not.toBeNull()
  })

  it.each([
    'javascript:alert(1)',
    ' JavaScript:x',
    'data:text/html,x',
    '//evil.test/',
    'vbscript:x',
    '',
  ])('refuses the link %j', href => {
    const link = { type: 'link', href, children: [{ text: 'x' }] }
    expect(bodyProblem([{ type: 'paragraph', children: [link] }])).toMatch(/link/)
  })

  it.each([
    'https://www.antaranews.com/',
    'http://x.test/a?b=1',
    'mailto:redaksi@antaranews.com',
    '/berita/1',
  ])('accepts the link %j', href => {
    const link = { type: 'link', href, children: [{ text: 'x' }] }
    expect(bodyProblem([{ type: 'paragraph', children: [link] }])).toBeNull()
  })

  it('refuses a body that is not a list', () => {
    expect(bodyProblem({ type: 'paragraph' })).toMatch(/list of blocks/)
  })
})

describe('bodyProblem: the shapes the editor makes, and no other', () => {
  const link = (children: object[]) => ({ type: 'link', href: 'https://a.b', children })
  it.each([
    [[{ text: 'x' }], 'holds text at the top level: put it in a paragraph'],
    [[{ type: 'paragraph', children: [link([])] }], /"link" node with no children/],
    [[{ type: 'divider', children: [] }], /"divider" node with no children/],
    [[{ type: 'paragraph', children: [link([link([{ text: 'x' }])])] }], /holding more than text/],
    [[{ type: 'heading', level: 2, children: [paragraph('x')] }], /holds only text and links/],
    [[{ type: 'ordered-list', children: [{ text: 'x' }] }], /put it in a paragraph/],
  ])('%j is refused in words', (document, problem) => {
    expect(bodyProblem(document)).toMatch(problem)
  })
})
