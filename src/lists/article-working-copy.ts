// Article's working-copy fields for staff (docs/newsroom.md, "Working copies and revisions"):
// its revisions (read-only from every side: no nested writes) and hasUnpublishedChanges.
import { gWithContext } from '@keystone-6/core'
import { denyAll } from '@keystone-6/core/access'
import { relationship, virtual } from '@keystone-6/core/fields'
import { isSignedIn, publicWhenKilled } from '../access/rules'
import { readOnlyInApi } from '../fields/back-reference'
import { unpublishedChanges } from '../revisions/changes'
import type { Context, Lists } from '../../generated/keystone/types'

const g = gWithContext<Context>()
type Field = NonNullable<Lists.Article['fields']>[string]

export function revisionsField(): Field {
  return relationship({
    ref: 'ArticleRevision.article',
    many: true,
    access: { read: publicWhenKilled, create: denyAll, update: denyAll },
    graphql: readOnlyInApi,
    ui: {
      label: 'Revisions',
      displayMode: 'table',
      columns: ['version', 'at', 'action', 'actorName'],
      initialSort: { field: 'version', direction: 'DESC' },
      itemView: { fieldMode: 'read' },
      createView: { fieldMode: 'hidden' },
    },
  })
}

export function hasUnpublishedChangesField(): Field {
  return virtual({
    access: { read: isSignedIn, create: denyAll, update: denyAll },
    field: g.field({
      type: g.nonNull(g.Boolean),
      async resolve(item, _args, context) {
        const changes = await unpublishedChanges(
          context,
          String(item.id),
          String(item.status),
          false
        )
        return changes !== null
      },
    }),
    ui: {
      description: 'Saved changes readers do not see yet (Publish changes, or Discard changes)',
      createView: { fieldMode: 'hidden' },
      itemView: { fieldMode: 'read', fieldPosition: 'sidebar' },
      listView: { fieldMode: 'hidden' },
    },
  })
}
