// Compares two snapshots (pure): the fields and relations that differ, and the body paragraph by
// paragraph with insertions and deletions marked, word by word inside a changed paragraph
// (jsdiff, `diff` 9). Paragraphs are the body's top-level blocks, as plain text.
import { diffArrays, diffWords } from 'diff'
import { SNAPSHOT_FIELDS, type Snapshot } from './snapshot'

export type FieldChange = { field: string; before: unknown; after: unknown }
export type WordChange = { value: string; change: 'same' | 'inserted' | 'deleted' }
export type ParagraphChange = {
  change: 'same' | 'inserted' | 'deleted' | 'changed'
  before: string | null
  after: string | null
  /** For a changed paragraph: its words, each kept, inserted or deleted. */
  words: WordChange[] | null
}
export type Comparison = { fields: FieldChange[]; paragraphs: ParagraphChange[] }

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** The plain text of each top-level block of a document body. */
export function paragraphsOf(body: unknown): string[] {
  const text = (node: unknown): string => {
    if (!node || typeof node !== 'object') return ''
    const n = node as { text?: unknown; children?: unknown }
    if (typeof n.text === 'string') return n.text
    return Array.isArray(n.children) ? n.children.map(text).join('') : ''
  }
  return Array.isArray(body) ? body.map(text) : []
}

/** What changed from `from` to `to`: fields (body included, when it changed), then paragraphs. */
export function compareSnapshots(from: Snapshot, to: Snapshot): Comparison {
  const fields: FieldChange[] = []
  for (const field of SNAPSHOT_FIELDS) {
    // A baseline does not know the editorial note (null): not a change.
    if (field === 'editorialNote' && (from.fields[field] == null || to.fields[field] == null))
      continue
    if (!same(from.fields[field], to.fields[field]))
      fields.push({ field, before: from.fields[field], after: to.fields[field] })
  }
  for (const relation of Object.keys(to.relations) as (keyof Snapshot['relations'])[]) {
    if (!same(from.relations[relation], to.relations[relation]))
      fields.push({
        field: relation,
        before: from.relations[relation],
        after: to.relations[relation],
      })
  }
  if (!same(from.relatedLinks, to.relatedLinks))
    fields.push({ field: 'relatedLinks', before: from.relatedLinks, after: to.relatedLinks })
  return { fields, paragraphs: compareParagraphs(from.fields.body, to.fields.body) }
}

/** Paragraphs kept, inserted, deleted, or changed (a deletion followed by an insertion). */
export function compareParagraphs(before: unknown, after: unknown): ParagraphChange[] {
  const out: ParagraphChange[] = []
  const parts = diffArrays(paragraphsOf(before), paragraphsOf(after))
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    const next = parts[i + 1]
    if (part.removed && next?.added) {
      // Pairs up the removed and added runs; the rest of the longer run is deleted or inserted.
      const n = Math.max(part.value.length, next.value.length)
      for (let k = 0; k < n; k++) {
        const b = part.value[k]
        const a = next.value[k]
        if (b !== undefined && a !== undefined) out.push(changed(b, a))
        else if (b !== undefined) out.push(only('deleted', b))
        else out.push(only('inserted', a!))
      }
      i++
      continue
    }
    for (const value of part.value) {
      out.push(
        part.added ? only('inserted', value) : part.removed ? only('deleted', value) : kept(value)
      )
    }
  }
  return out
}

const kept = (text: string): ParagraphChange => ({
  change: 'same',
  before: text,
  after: text,
  words: null,
})
const only = (change: 'inserted' | 'deleted', text: string): ParagraphChange => ({
  change,
  before: change === 'deleted' ? text : null,
  after: change === 'inserted' ? text : null,
  words: null,
})
const changed = (before: string, after: string): ParagraphChange => ({
  change: 'changed',
  before,
  after,
  words: diffWords(before, after).map(w => ({
    value: w.value,
    change: w.added ? 'inserted' : w.removed ? 'deleted' : 'same',
  })),
})

/** "headline, tags; body: 1 paragraph changed, 2 inserted" — for the desk notice. */
export function describeChanges(comparison: Comparison): string {
  const fields = comparison.fields.map(f => f.field).filter(f => f !== 'body')
  const count = (change: ParagraphChange['change']) =>
    comparison.paragraphs.filter(p => p.change === change).length
  const body = (['changed', 'inserted', 'deleted'] as const)
    .map(change => [count(change), change] as const)
    .filter(([n]) => n > 0)
    .map(([n, change], i) =>
      i === 0 ? `${n} paragraph${n === 1 ? '' : 's'} ${change}` : `${n} ${change}`
    )
  const parts = [
    ...(fields.length > 0 ? [fields.join(', ')] : []),
    ...(body.length > 0 ? [`body: ${body.join(', ')}`] : []),
  ]
  return parts.join('; ') || 'no visible change'
}
