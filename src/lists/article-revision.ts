import { list } from '@keystone-6/core'
import { denyAll } from '@keystone-6/core/access'
import { integer, json, relationship, timestamp } from '@keystone-6/core/fields'
import { LIMITS, multiLine, singleLine } from '../fields/text-limits'
import { isSignedIn, storyContentFilter } from '../access/rules'
import type { Lists } from '../../generated/keystone/types'
import { restoreAction } from './article-revision-restore'
import { keepSaves } from '../revisions/retention'

// A bad retention setting stops the start (a clear message), rather than every save later.
keepSaves()

const read = { itemView: { fieldMode: 'read' } } as const

// A story's revision: the full content snapshot (src/revisions/snapshot.ts) after one save or
// action. Written only by the server, inside the write's transaction (src/revisions/record.ts);
// nobody, admins included, can create, edit or delete one through the API, nested writes from
// Article included (Article.revisions is read-only). Readable where the story's content is.
export const ArticleRevision: Lists.ArticleRevision = list({
  access: {
    operation: { query: isSignedIn, create: denyAll, update: denyAll, delete: denyAll },
    filter: { query: storyContentFilter },
  },
  graphql: { omit: { create: true, update: true, delete: true } },
  // restoreArticleRevision: into the working copy, never straight to the live copy.
  actions: { restore: restoreAction() } as unknown as NonNullable<Lists.ArticleRevision['actions']>,
  db: {
    // A story's revisions by version: the live one, the latest, retention's oldest saves.
    extendPrismaSchema: model => model.replace(/\}\s*$/, '  @@index([articleId, version])\n}'),
  },
  ui: {
    labelField: 'action',
    hideCreate: true,
    hideDelete: true,
    listView: {
      initialColumns: ['at', 'article', 'version', 'action', 'actorName'],
      initialSort: { field: 'at', direction: 'DESC' },
    },
  },
  fields: {
    article: relationship({ ref: 'Article.revisions', ui: read }),
    version: integer({
      validation: { isRequired: true },
      ui: { ...read, description: 'The story version this revision records' },
    }),
    // "save", "restore", "baseline" or a workflow action (publish, publishChanges, …).
    action: singleLine(LIMITS.name, { validation: { isRequired: true }, ui: read }),
    actor: relationship({ ref: 'User', ui: read }),
    // The name as it was: accounts get renamed.
    actorName: singleLine(LIMITS.name, { ui: read }),
    at: timestamp({ validation: { isRequired: true }, ui: read }),
    // What a restore or discard left out (profiles or target stories deleted since), and from where.
    note: multiLine(LIMITS.note, { ui: read }),
    snapshot: json({ ui: { ...read, description: 'The full content (format 1)' } }),
    // SHA-256 of the snapshot: equal content, equal hash (hasUnpublishedChanges, the desk).
    contentHash: singleLine(LIMITS.name, { ui: { ...read, listView: { fieldMode: 'hidden' } } }),
  },
})
