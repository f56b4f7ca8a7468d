import { list } from '@keystone-6/core'
import { denyAll } from '@keystone-6/core/access'
import { relationship, select, timestamp } from '@keystone-6/core/fields'
import { LIMITS, multiLine } from '../fields/text-limits'
import { allowed, isSignedIn, storyContentFilter } from '../access/rules'
import type { Session } from '../access/session'
import { touchStories } from '../workflow/touched-stories'
import type { Lists } from '../../generated/keystone/types'
import { correctionKinds } from './correction-kinds'

const read = { itemView: { fieldMode: 'read' } } as const

// A correction, clarification or update to a published story: a public record (the publisher
// prints it with the story), not a status.
// Records are kept as written (no edits, no deletes); a mistaken one is put right by another.
export const Correction: Lists.Correction = list({
  access: {
    operation: {
      query: isSignedIn,
      create: allowed('article.correct'),
      update: denyAll,
      delete: denyAll,
    },
    filter: { query: storyContentFilter },
  },
  graphql: { omit: { update: true, delete: true } },
  ui: {
    labelField: 'note',
    hideCreate: args => !allowed('article.correct')(args),
    hideDelete: true,
    listView: { initialColumns: ['createdAt', 'article', 'kind', 'note', 'createdBy'] },
  },
  fields: {
    article: relationship({ ref: 'Article.corrections' }),
    kind: select({
      type: 'string',
      options: correctionKinds,
      defaultValue: 'correction',
      validation: { isRequired: true },
    }),
    note: multiLine(LIMITS.note, {
      validation: { isRequired: true },
      ui: { description: 'Public: printed with the story' },
    }),
    createdBy: relationship({
      ref: 'User',
      access: { read: isSignedIn, create: denyAll, update: denyAll },
      ui: { ...read, createView: { fieldMode: 'hidden' } },
      hooks: {
        resolveInput: {
          create: ({ context }) => {
            const session = context.session as Session | undefined
            return session ? { connect: { id: session.itemId } } : undefined
          },
        },
      },
    }),
    createdAt: timestamp({
      defaultValue: { kind: 'now' },
      access: { create: denyAll, update: denyAll },
      ui: {
        ...read,
        createView: { fieldMode: 'hidden' },
        views: './admin/views/newsroom-timestamp',
      },
    }),
  },
  hooks: {
    async validate({ operation, resolvedData, context, addValidationError }) {
      if (operation !== 'create') return
      // The connect input is the article's unique where as given: by id or by slug.
      const where = (
        resolvedData.article as { connect?: { id?: string; slug?: string } } | undefined
      )?.connect
      const article = where ? await context.sudo().db.Article.findOne({ where }) : null
      if (!article) addValidationError('A correction belongs to a story: choose the article')
      else if (article.status !== 'published') {
        addValidationError('Corrections are for published stories; edit a draft directly')
      }
    },
    // A correction changes its story: its version, updatedAt and so the live copy's modifiedAt
    // (schema.org dateModified) move, at the end of the write (src/workflow/touched-stories.ts).
    async afterOperation({ item, originalItem, context }) {
      await touchStories(context, [item?.articleId, originalItem?.articleId])
    },
  },
})
