// The body's HTML: every element the document field allows, rendered; text and attributes
// escaped; links only to http(s) and mailto; unknown or malformed nodes reduced to their text.
import { describe, expect, it } from 'vitest'
import { documentToHtml } from '../../src/content/html'

const p = (...children: object[]) => ({ type: 'paragraph', children })

describe('documentToHtml', () => {
  it('renders the configured elements', () => {
    const html = documentToHtml([
      { type: 'heading', level: 3, children: [{ text: 'Judul' }] },
      p({ text: 'a', bold: true }, { text: 'b', italic: true }, { text: 'c', strikethrough: true }),
      p({ text: 'baris\nbaru' }),
      { type: 'blockquote', children: [p({ text: 'kutipan' })] },
      {
        type: 'unordered-list',
        children: [
          {
            type: 'list-item',
            children: [{ type: 'list-item-content', children: [{ text: 'satu' }] }],
          },
        ],
      },
      { type: 'ordered-list', children: [{ type: 'list-item', children: [{ text: 'dua' }] }] },
      { type: 'divider', children: [{ text: '' }] },
      p({ type: 'link', href: 'https://antaranews.com/x?a=1&b=2', children: [{ text: 'tautan' }] }),
    ])
    expect(html).toBe(
      '<h3>Judul</h3>\n<p><strong>a</strong><em>b</em><s>c</s></p>\n<p>baris<br>baru</p>\n' +
        '<blockquote><p>kutipan</p>\n</blockquote>\n<ul><li>satu</li></ul>\n<ol><li>dua</li></ol>\n' +
        '<hr>\n<p><a href="https://antaranews.com/x?a=1&amp;b=2">tautan</a></p>\n'
    )
  })

  it('escapes text and drops unsafe links, keeping their text', () => {
    const html = documentToHtml([
      p({ text: '<script>alert("x")</script> & \'' }),
      p({ type: 'link', href: 'javascript:alert(1)', children: [{ text: 'a' }] }),
      p({ type: 'link', href: ' JaVaScRiPt:alert(1)', children: [{ text: 'b' }] }),
      p({ type: 'link', href: 'data:text/html,<b>', children: [{ text: 'c' }] }),
      p({ type: 'link', href: '/relative', children: [{ text: 'd' }] }),
      p({ type: 'link', href: 'mailto:redaksi@warta.test', children: [{ text: 'e' }] }),
      p({ type: 'link', href: 'https://x.test/"><script>', children: [{ text: 'f' }] }),
    ])
    expect(html).not.toMatch(/<script|javascript:|data:|href="\/relative"/i)
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;')
    expect(html).toContain('<a href="mailto:redaksi@warta.test">e</a>')
    expect(html).toContain('<a href="https://x.test/%22%3E%3Cscript%3E">f</a>')
    expect(html).toContain('<p>a</p>')
  })

  it('survives malformed and very deep documents', () => {
    expect(documentToHtml(null)).toBe('')
    expect(documentToHtml('<b>')).toBe('')
    expect(
      documentToHtml([{ type: 'heading', level: 9, children: ['<b>', null, { text: 'x' }] }])
    ).toBe('<h2>x</h2>\n')
    expect(
      documentToHtml([{ type: 'iframe', src: 'https://evil.test', children: [{ text: 'y' }] }])
    ).toBe('y')
    let deep: object = { text: 'dalam' }
    for (let i = 0; i < 100_000; i++) deep = { type: 'blockquote', children: [deep] }
    expect(documentToHtml([deep])).toContain('dalam')
  })
})
