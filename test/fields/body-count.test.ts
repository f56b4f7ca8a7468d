import { expect, it } from 'vitest'
import { bodyCount } from '../../src/fields/body-count'

const p = (...texts: string[]) => ({ type: 'paragraph', children: texts.map(text => ({ text })) })

it('counts words and non-empty paragraphs, across marks, quotes and lists', () => {
  expect(
    bodyCount([
      p('Harga beras ', 'na', 'ik.'),
      p(''),
      { type: 'heading', level: 2, children: [{ text: 'Pasokan' }] },
      { type: 'blockquote', children: [p('Kata pedagang')] },
      {
        type: 'unordered-list',
        children: [
          {
            type: 'list-item',
            children: [{ type: 'list-item-content', children: [{ text: 'satu dua' }] }],
          },
        ],
      },
    ])
  ).toEqual({ words: 8, paragraphs: 4 })
})

it('counts nothing in an empty or unreadable body', () => {
  expect(bodyCount(null)).toEqual({ words: 0, paragraphs: 0 })
  expect(bodyCount([p('   ')])).toEqual({ words: 0, paragraphs: 0 })
})
