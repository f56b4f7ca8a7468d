// The story body: Keystone's document field with the newsroom's editor features, behind a
// guard that checks the input (src/fields/body-rules.ts) before Keystone's recursive
// validation and normalisation ever see it.
import { document } from '@keystone-6/fields-document'
import type { BaseListTypeInfo, FieldTypeFunc } from '@keystone-6/core/types'
import { bodyProblem, HEADING_LEVELS } from './body-rules'

type Resolve = (value: unknown, ...rest: unknown[]) => unknown

function guarded(resolve: Resolve | undefined): Resolve | undefined {
  if (!resolve) return resolve
  return (value, ...rest) => {
    // undefined: not being set; null: Keystone refuses it with its own message.
    if (value !== undefined && value !== null) {
      const problem = bodyProblem(value)
      if (problem) throw new Error(`the story body ${problem}`)
    }
    return resolve(value, ...rest)
  }
}

/**
 * The body field of a story: paragraphs, headings of levels 2–4, block quotes, lists, links,
 * dividers, soft breaks; bold, italic and strikethrough. Anything else is refused, and so is a
 * body past the limits of BODY_LIMITS, with "Article.body: the story body …".
 */
export function storyBody<L extends BaseListTypeInfo>(): FieldTypeFunc<L> {
  const field = document<L>({
    formatting: {
      inlineMarks: { bold: true, italic: true, strikethrough: true },
      listTypes: true,
      headingLevels: [...HEADING_LEVELS],
      blockTypes: { blockquote: true },
      softBreaks: true,
    },
    links: true,
    dividers: true,
  })
  return meta => {
    const output = field(meta)
    const input = output.input as
      { create?: { resolve?: Resolve }; update?: { resolve?: Resolve } } | undefined
    if (input?.create) input.create = { ...input.create, resolve: guarded(input.create.resolve) }
    if (input?.update) input.update = { ...input.update, resolve: guarded(input.update.resolve) }
    return output
  }
}
