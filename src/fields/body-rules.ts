// Pure checks of a story body (a Keystone document) made before Keystone's own validation,
// which is recursive: a document nested 100,000 deep would otherwise end in "Maximum call stack
// size exceeded". The walk here is iterative and stops at the first problem. It also refuses
// nodes the configured editor cannot produce (component blocks, layouts, relationships, images,
// code blocks, alignment, other heading levels and marks), which Keystone would accept or
// silently rewrite.
import { linkHrefProblem } from './link-href'
import { characterProblem } from './text-rules'

export { isLinkable } from './link-href'

/**
 * Limits of a body. A 50,000-word long read is about 350,000 characters of text in some
 * 5,000 paragraphs (about 0.6 MB of JSON); these leave room for its markup.
 */
export const BODY_LIMITS = {
  /** Levels of nesting: a list in a list adds two (list, item). */
  depth: 32,
  nodes: 200_000,
  textCharacters: 1_000_000,
  jsonBytes: 2_000_000,
  hrefLength: 2048,
} as const

export const HEADING_LEVELS = [2, 3, 4] as const
export const INLINE_MARKS = ['bold', 'italic', 'strikethrough'] as const

// Element types and the keys each may carry besides `type` and `children`.
const BLOCKS: Record<string, readonly string[]> = {
  paragraph: [],
  heading: ['level'],
  blockquote: [],
  'ordered-list': [],
  'unordered-list': [],
  'list-item': [],
  'list-item-content': [],
  divider: [],
}
const INLINES: Record<string, readonly string[]> = { link: ['href'] }
// What each element holds, as the editor makes it (Slate cannot normalise an element with no
// children, and Keystone's structure check refuses text at the top level).
const HOLDS_BLOCKS = new Set(['blockquote', 'ordered-list', 'unordered-list', 'list-item'])
const HOLDS_TEXT = new Set(['paragraph', 'heading', 'list-item-content', 'divider'])
// insertMenu marks the text typed after "/" while the editor's insert menu is open.
const TEXT_KEYS = new Set<string>(['text', 'type', 'insertMenu', ...INLINE_MARKS])

type Frame = { value: unknown; depth: number; top: boolean }

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function textProblem(node: Record<string, unknown>): string | null {
  for (const key of Object.keys(node)) {
    if (!TEXT_KEYS.has(key)) return `text with an unknown mark or key "${key.slice(0, 40)}"`
    if (key !== 'text' && key !== 'type' && node[key] !== true) return `mark "${key}" must be true`
  }
  if (node.type !== undefined && node.type !== 'text') return 'a text node of another type'
  if (typeof node.text !== 'string') return 'a text node without text'
  return characterProblem(node.text, 'multi')
}

function elementProblem(node: Record<string, unknown>, top: boolean): string | null {
  const type = node.type
  if (typeof type !== 'string') return 'a node without a type'
  const extra = BLOCKS[type] ?? INLINES[type]
  if (!extra) return `a "${type.slice(0, 40)}" node, which the story editor cannot make`
  if (top && !BLOCKS[type]) return `a "${type}" node at the top level`
  for (const key of Object.keys(node)) {
    if (key !== 'type' && key !== 'children' && !extra.includes(key)) {
      return `a "${type}" node with "${key.slice(0, 40)}", which the story editor cannot set`
    }
  }
  if (type === 'heading' && !HEADING_LEVELS.includes(node.level as 2)) {
    return `a heading of level ${JSON.stringify(node.level)}: use ${HEADING_LEVELS.join(', ')}`
  }
  if (type === 'link') {
    const href = node.href
    if (typeof href !== 'string' || href.length > BODY_LIMITS.hrefLength) {
      return `a link whose address is missing or longer than ${BODY_LIMITS.hrefLength} characters`
    }
    const problem = linkHrefProblem(href)
    if (problem) return `a link whose address ${problem}`
  }
  if (!Array.isArray(node.children)) return `a "${type}" node without children`
  return null
}

const isText = (v: unknown) => isObject(v) && 'text' in v && !('children' in v)
const typeOf = (v: unknown) => (isObject(v) && typeof v.type === 'string' ? v.type : '')

/** Why an element's children do not fit it (blocks in blocks, text in text), or null. */
function childrenProblem(type: string, children: readonly unknown[]): string | null {
  if (children.length === 0) {
    return `a "${type}" node with no children: it needs at least one text, even an empty one`
  }
  if (INLINES[type] && !children.every(isText)) return `a "${type}" node holding more than text`
  const inline = (v: unknown) => isText(v) || INLINES[typeOf(v)] !== undefined
  if (HOLDS_TEXT.has(type) && !children.every(inline)) {
    return `a "${type}" node holding a block: it holds only text and links`
  }
  if (HOLDS_BLOCKS.has(type) && children.some(inline)) {
    const wrapper = type === 'list-item' ? 'list-item-content' : 'paragraph'
    return `text directly in a "${type}" node: put it in a ${wrapper}`
  }
  return null
}

/**
 * Why `document` cannot be a story body, or null. Checks shape, nesting depth, node count,
 * text length and JSON size without recursion; the message is for the person writing.
 */
export function bodyProblem(document: unknown): string | null {
  if (!Array.isArray(document)) return 'must be a list of blocks'
  const stack: Frame[] = document.map(value => ({ value, depth: 1, top: true }))
  let nodes = 0
  let text = 0
  while (stack.length > 0) {
    const { value, depth, top } = stack.pop()!
    if (depth > BODY_LIMITS.depth) return `is nested deeper than ${BODY_LIMITS.depth} levels`
    if (++nodes > BODY_LIMITS.nodes) return `has more than ${BODY_LIMITS.nodes} nodes`
    if (!isObject(value)) return 'holds something that is not a node'
    if (top && isText(value)) return 'holds text at the top level: put it in a paragraph'
    if ('text' in value && !('children' in value)) {
      const problem = textProblem(value)
      if (problem) return `holds ${problem}`
      text += (value.text as string).length
      if (text > BODY_LIMITS.textCharacters) {
        return `has more than ${BODY_LIMITS.textCharacters} characters of text`
      }
      continue
    }
    const problem = elementProblem(value, top)
    if (problem) return problem.startsWith('a ') ? `holds ${problem}` : problem
    const children = value.children as unknown[]
    const misfit = childrenProblem(value.type as string, children)
    if (misfit) return `holds ${misfit}`
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ value: children[i], depth: depth + 1, top: false })
    }
    if (nodes + stack.length > BODY_LIMITS.nodes) return `has more than ${BODY_LIMITS.nodes} nodes`
  }
  // Safe now: the depth is bounded.
  if (Buffer.byteLength(JSON.stringify(document)) > BODY_LIMITS.jsonBytes) {
    return `is larger than ${BODY_LIMITS.jsonBytes / 1_000_000} MB`
  }
  return null
}
