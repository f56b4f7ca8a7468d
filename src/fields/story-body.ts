// The story body: Keystone's document field with the newsroom's editor features, behind a
// guard that checks the input (src/fields/body-rules.ts) before Keystone's recursive
// validation and normalisation ever see it.
import { document } from '@keystone-6/fields-document'
import type { BaseListTypeInfo, FieldTypeFunc } from '@keystone-6/core/types'
import { bodyProblem, HEADING_LEVELS } from './body-rules'

type Resolve = (value: unknown, ...rest: unknown[]) => unknown

// Said instead of the document library's own words (a zod dump, a Slate path), which name no
// rule the newsroom wrote; the original goes to the log.
const UNFIT = 'the story body is not a document the story editor can hold: rewrite it in the editor'

function guarded(resolve: Resolve | undefined): Resolve | undefined {
  if (!resolve) return resolve
  return async (value, ...rest) => {
    // undefined: not being set; null: Keystone refuses it with its own message.
    if (value === undefined || value === null) return resolve(value, ...rest)
    const problem = bodyProblem(value)
    if (problem) throw new Error(`the story body ${problem}`)
    try {
      return await resolve(value, ...rest)
    } catch (error) {
      console.error(`Hidden from the client (story body): ${(error as Error)?.stack ?? error}`)
      throw new Error(UNFIT)
    }
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
    // Tall, with word and paragraph counts.
    ui: { views: './admin/views/story-body' },
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
