// Word and paragraph counts of a story body (a document field's node tree), as the desk counts
// them: a paragraph is a non-empty text block (paragraph, heading, quote or list item), words
// are runs of non-space characters. Pure: used by the Admin UI's body editor.

type Node = { type?: string; text?: string; children?: Node[] }

const BLOCKS = new Set(['paragraph', 'heading', 'list-item-content'])

/** `{ words, paragraphs }` of `document` (an array of nodes; anything else counts as empty). */
export function bodyCount(document: unknown): { words: number; paragraphs: number } {
  let words = 0
  let paragraphs = 0
  // Iterative: a deep document costs no stack.
  const stack: Node[] = Array.isArray(document) ? [...(document as Node[])] : []
  while (stack.length > 0) {
    const node = stack.pop()!
    if (typeof node !== 'object' || node === null) continue
    if (node.type && BLOCKS.has(node.type)) {
      // Text blocks hold only inline nodes: their leaves join without spaces ("bo" + "ld").
      const text = textOf(node)
      words += text.split(/\s+/).filter(Boolean).length
      if (text.trim() !== '') paragraphs += 1
    } else if (Array.isArray(node.children)) stack.push(...node.children)
  }
  return { words, paragraphs }
}

function textOf(node: Node): string {
  if (typeof node.text === 'string') return node.text
  return (node.children ?? []).map(textOf).join('')
}
