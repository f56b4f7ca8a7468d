import { list } from '@keystone-6/core'
import { denyAll } from '@keystone-6/core/access'
import { integer, relationship, select, timestamp } from '@keystone-6/core/fields'
import { LIMITS, multiLine, singleLine } from '../fields/text-limits'
import { isSignedIn, storyContentFilter } from '../access/rules'
import { actionNames, statuses, transitions } from '../workflow/transitions'
import type { Lists } from '../../generated/keystone/types'

const read = { itemView: { fieldMode: 'read' } } as const

// The audit trail. Written only by the workflow actions, inside the same transaction as the
// change; nobody, admins included, can create, edit or delete an event through the API.
export const ArticleEvent: Lists.ArticleEvent = list({
  access: {
    operation: { query: isSignedIn, create: denyAll, update: denyAll, delete: denyAll },
    filter: { query: storyContentFilter },
  },
  graphql: { omit: { create: true, update: true, delete: true } },
  ui: {
    labelField: 'action',
    hideCreate: true,
    hideDelete: true,
    listView: {
      initialColumns: ['at', 'article', 'action', 'fromStatus', 'toStatus', 'actorName', 'note'],
      initialSort: { field: 'at', direction: 'DESC' },
    },
  },
  fields: {
    article: relationship({ ref: 'Article.events', ui: read }),
    action: select({
      type: 'string',
      options: actionNames.map(value => ({ value, label: transitions[value].label })),
      validation: { isRequired: true },
      ui: read,
    }),
    fromStatus: select({
      type: 'string',
      options: [...statuses],
      validation: { isRequired: true },
      ui: read,
    }),
    toStatus: select({
      type: 'string',
      options: [...statuses],
      validation: { isRequired: true },
      ui: read,
    }),
    actor: relationship({ ref: 'User', ui: read }),
    // The name as it was: reporters cannot read other accounts, and accounts get renamed.
    actorName: singleLine(LIMITS.name, { ui: read }),
    at: timestamp({
      validation: { isRequired: true },
      ui: { ...read, views: './admin/views/newsroom-timestamp' },
    }),
    note: multiLine(LIMITS.note, { ui: read }),
    version: integer({ ui: { ...read, description: 'The article version this action produced' } }),
  },
})
