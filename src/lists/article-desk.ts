// The desk notice on a story's page (src/workflow/desk.ts), as a read-only virtual field:
// the status in words, the last workflow action with its note or reason, and what comes next.
import { gWithContext } from '@keystone-6/core'
import { virtual } from '@keystone-6/core/fields'
import { denyAll } from '@keystone-6/core/access'
import { isSignedIn } from '../access/rules'
import type { Session } from '../access/session'
import { deskNotice, type DeskNotice, type LastEvent } from '../workflow/desk'
import { describeUnpublished } from '../revisions/changes'
import { loadStory } from '../workflow/actions'
import { workflowButtons, type WorkflowButton } from '../workflow/buttons'
import { newsroomTimeZone } from '../workflow/newsroom-time'
import type { Status } from '../workflow/transitions'
import type { Context, Lists } from '../../generated/keystone/types'

const g = gWithContext<Context>()

/** The notice, plus what the page needs to offer the workflow buttons Keystone cannot style. */
export type DeskView = DeskNotice & {
  version: number
  timeZone: string
  buttons: WorkflowButton[]
}

const DeskNoticeType = g.object<DeskView>()({
  name: 'ArticleDeskNotice',
  fields: {
    tone: g.field({ type: g.nonNull(g.String) }),
    status: g.field({ type: g.nonNull(g.String) }),
    lastAction: g.field({ type: g.String }),
    at: g.field({ type: g.String }),
    note: g.field({ type: g.String }),
    next: g.field({ type: g.nonNull(g.String) }),
    changes: g.field({ type: g.String }),
    version: g.field({ type: g.nonNull(g.Int) }),
    timeZone: g.field({ type: g.nonNull(g.String) }),
    // The same function as Keystone's action modes (src/workflow/actions.ts) decides these.
    buttons: g.field({ type: g.nonNull(g.JSON), resolve: desk => desk.buttons as never }),
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
        const session = context.session as Session | undefined
        const story = session ? await loadStory(context, String(item.id), session) : null
        const buttons = story ? workflowButtons(session!.data.role, story.isOwn, story.facts) : []
        return {
          ...deskNotice(item.status as Status, event, working, newsroomTimeZone()),
          version: item.version as number,
          timeZone: newsroomTimeZone(),
          buttons,
        }
      },
    }),
    ui: {
      label: 'Desk',
      views: './admin/views/desk-notice',
      query: '{ tone status lastAction at note next changes version timeZone buttons }',
      createView: { fieldMode: 'hidden' },
      itemView: { fieldMode: 'read' },
      listView: { fieldMode: 'hidden' },
    },
  })
}
