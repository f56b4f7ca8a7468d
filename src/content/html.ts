// Renders a story body (Keystone's document field: a Slate JSON tree, as configured in
// src/lists/article.ts) to HTML for readers. Pure. Safe by construction: every text and attribute
// is escaped, only the element types the field allows produce tags, links keep only http(s) and
// mailto hrefs, and anything unknown renders as its text alone. Iterative (an explicit stack), so
// no document is deep enough to overflow the call stack.

import { isLinkable } from '../fields/link-href'

type Node = {
  type?: unknown
  text?: unknown
  children?: unknown
  level?: unknown
  href?: unknown
  bold?: unknown
  italic?: unknown
  strikethrough?: unknown
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text or attribute value, escaped for HTML. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, c => ESCAPES[c]!)

/**
 * The href a reader's link may carry, or null: one the body rule accepts (src/fields/link-href.ts,
 * so no "/\\host", "//host", backslash or whitespace), and absolute (http(s) or mailto) only,
 * since a path means nothing on the reader's site.
 */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string' || !isLinkable(href) || href.startsWith('/')) return null
  try {
    return new URL(href).href
  } catch {
    return null
  }
}

function leaf(node: Node): string {
  // Soft breaks are newlines inside a text leaf.
  let html = escapeHtml(String(node.text)).replace(/\n/g, '<br>')
  if (html === '') return ''
  if (node.strikethrough === true) html = `<s>${html}</s>`
  if (node.italic === true) html = `<em>${html}</em>`
  if (node.bold === true) html = `<strong>${html}</strong>`
  return html
}

/** Opening and closing tags of an element node; empty strings for a transparent one. */
function tags(node: Node): [string, string] {
  switch (node.type) {
    case 'paragraph':
      return ['<p>', '</p>\n']
    case 'heading': {
      const level = [2, 3, 4].includes(node.level as number) ? (node.level as number) : 2
      return [`<h${level}>`, `</h${level}>\n`]
    }
    case 'blockquote':
      return ['<blockquote>', '</blockquote>\n']
    case 'ordered-list':
      return ['<ol>', '</ol>\n']
    case 'unordered-list':
      return ['<ul>', '</ul>\n']
    case 'list-item':
      return ['<li>', '</li>']
    case 'divider':
      return ['<hr>\n', '']
    case 'link': {
      const href = safeHref(node.href)
      return href ? [`<a href="${escapeHtml(href)}">`, '</a>'] : ['', '']
    }
    default:
      return ['', ''] // list-item-content, layout areas, anything unknown: children only
  }
}

/** The document (an array of block nodes) as an HTML string; '' for anything else. */
export function documentToHtml(document: unknown): string {
  if (!Array.isArray(document)) return ''
  const out: string[] = []
  // Work items: a node to open, or a closing tag already decided.
  const stack: (Node | string)[] = document
    .filter(node => node !== null && typeof node === 'object')
    .reverse()
  while (stack.length > 0) {
    const item = stack.pop()!
    if (typeof item === 'string') {
      out.push(item)
      continue
    }
    if (typeof item.text === 'string') {
      out.push(leaf(item))
      continue
    }
    const [open, close] = tags(item)
    out.push(open)
    // A divider is void: its (empty) children are not content.
    if (item.type === 'divider') continue
    stack.push(close)
    const children = Array.isArray(item.children) ? (item.children as Node[]) : []
    // Only objects: a stray string in the tree must never pass for a closing tag.
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]
      if (child !== null && typeof child === 'object') stack.push(child)
    }
  }
  return out.join('')
}
