// "Add correction" on a published story's page: a Keystone item action (`addCorrectionArticle`)
// whose dialog asks for the kind and the public note, and which creates the Correction through
// the list's normal create (its access rules and validation apply: published stories only).
// Keystone's corrections field on the story cannot create inline (it is read-only in the API).
import { action, g } from '@keystone-6/core'
import { select, text } from '@keystone-6/core/fields'
import type { KeystoneContext } from '@keystone-6/core/types'
import { allowed } from '../access/rules'
import type { Session } from '../access/session'
import { LIMITS } from '../fields/text-limits'
import { correctionKinds } from './correction-kinds'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
type Context = KeystoneContext<any>

const mayCorrect = allowed('article.correct')

export const addCorrection = action({
  access: args => mayCorrect(args as { session?: Session }),
  args: {
    kind: {
      graphql: g.arg({ type: g.String }),
      ui: {
        source: {
          field: select({
            type: 'string',
            options: correctionKinds,
            defaultValue: 'correction',
            validation: { isRequired: true },
            ui: { label: 'Kind', displayMode: 'segmented-control' },
          }),
        },
      },
    },
    note: {
      graphql: g.arg({ type: g.String }),
      ui: {
        source: {
          // Argument fields take no hooks: the Correction's own note field checks the text.
          field: text({
            validation: { isRequired: true, length: { max: LIMITS.note } },
            ui: {
              label: 'Note',
              description: 'Public: printed with the story',
              displayMode: 'textarea',
            },
          }),
        },
      },
    },
  },
  resolve: async ({ where, args }, context) => {
    const ctx = context as Context
    const { kind, note } = args as { kind?: string | null; note?: string | null }
    const story = await ctx.db.Article!.findOne({ where })
    if (!story) return null
    await ctx.db.Correction!.createOne({
      data: { article: { connect: { id: story.id } }, kind: kind ?? 'correction', note },
    })
    return ctx.db.Article!.findOne({ where: { id: story.id } })
  },
  ui: {
    label: 'Add correction',
    messages: { success: 'Correction added: {itemLabel}', fail: 'Could not add the correction' },
    itemView: {
      // Shown to those who may correct, on published stories (the list's validate says why).
      actionMode: (({ session }: { session?: Session }) =>
        mayCorrect({ session })
          ? { hidden: { NOT: { status: { equals: 'published' } } } }
          : 'hidden') as never,
      navigation: 'refetch',
    },
    listView: { actionMode: 'hidden' },
  },
})
