// The desk notice on a story's page (src/workflow/desk.ts), as a read-only virtual field:
// the status in words, the last workflow action with its note or reason, and what comes next.
import { gWithContext } from '@keystone-6/core'
import { virtual } from '@keystone-6/core/fields'
import { denyAll } from '@keystone-6/core/access'
import { isSignedIn } from '../access/rules'
import { deskNotice, type DeskNotice, type LastEvent } from '../workflow/desk'
import { describeUnpublished } from '../revisions/changes'
import type { Status } from '../workflow/transitions'
import type { Context, Lists } from '../../generated/keystone/types'

const g = gWithContext<Context>()

const DeskNoticeType = g.object<DeskNotice>()({
  name: 'ArticleDeskNotice',
  fields: {
    tone: g.field({ type: g.nonNull(g.String) }),
    status: g.field({ type: g.nonNull(g.String) }),
    lastAction: g.field({ type: g.String }),
    at: g.field({ type: g.String }),
    note: g.field({ type: g.String }),
    next: g.field({ type: g.nonNull(g.String) }),
    changes: g.field({ type: g.String }),
  },
})

export function deskField(): NonNullable<Lists.Article['fields']>[string] {
  return virtual({
    // Staff only, like the History it summarises.
    access: { read: isSignedIn, create: denyAll, update: denyAll },
    field: g.field({
      type: DeskNoticeType,
      async resolve(item, _args, context) {
        const [last] = await context.sudo().db.ArticleEvent.findMany({
          where: { article: { id: { equals: item.id } } },
          orderBy: [{ at: 'desc' }, { version: 'desc' }],
          take: 1,
        })
        const event: LastEvent | null = last
          ? {
              action: last.action as LastEvent['action'],
              actorName: last.actorName,
              at: last.at.toISOString(),
              note: last.note,
            }
          : null
        const working = await describeUnpublished(context, String(item.id), String(item.status))
        return deskNotice(item.status as Status, event, working)
      },
    }),
    ui: {
      label: 'Desk',
      views: './admin/views/desk-notice',
      query: '{ tone status lastAction at note next changes }',
      createView: { fieldMode: 'hidden' },
      itemView: { fieldMode: 'read' },
      listView: { fieldMode: 'hidden' },
    },
  })
}
