// The story's record in the sidebar, as a read-only virtual field: the system's stamps (created,
// changed and by whom, published, unpublished, killed) in the newsroom's time format, instead
// of Keystone's editable-looking date boxes with "Set to null". The stamps stay fields of their
// own in the API and the list columns.
import { gWithContext } from '@keystone-6/core'
import { virtual } from '@keystone-6/core/fields'
import { denyAll } from '@keystone-6/core/access'
import { publicWhenKilled } from '../access/rules'
import { newsroomTime, newsroomTimeZone } from '../workflow/newsroom-time'
import type { Context, Lists } from '../../generated/keystone/types'

const g = gWithContext<Context>()

export type RecordLine = { label: string; value: string }

const RecordLineType = g.object<RecordLine>()({
  name: 'ArticleRecordLine',
  fields: {
    label: g.field({ type: g.nonNull(g.String) }),
    value: g.field({ type: g.nonNull(g.String) }),
  },
})

type Stamped = {
  id: unknown
  createdAt?: Date | null
  updatedAt?: Date | null
  publishedAt?: Date | null
  unpublishedAt?: Date | null
  killedAt?: Date | null
  lastEditedById?: string | null
  publishedById?: string | null
}

export function recordField(): NonNullable<Lists.Article['fields']>[string] {
  return virtual({
    // Who did it is for staff, as on the stamps it reads (publishedBy, lastEditedBy).
    access: { read: publicWhenKilled, create: denyAll, update: denyAll },
    field: g.field({
      type: g.list(g.nonNull(RecordLineType)),
      async resolve(item, _args, context) {
        const story = item as unknown as Stamped
        const zone = newsroomTimeZone()
        const nameOf = async (id: string | null | undefined) =>
          id ? ((await context.sudo().db.User.findOne({ where: { id } }))?.name ?? null) : null
        const [editor, publisher] = await Promise.all([
          nameOf(story.lastEditedById),
          nameOf(story.publishedById),
        ])
        const line = (label: string, at: Date | null | undefined, by?: string | null) =>
          at ? [{ label, value: `${newsroomTime(at, zone)}${by ? `, ${by}` : ''}` }] : []
        return [
          ...line('Created', story.createdAt),
          ...line('Last changed', story.updatedAt, editor),
          ...line('Published', story.publishedAt, publisher),
          ...line('Unpublished', story.unpublishedAt),
          ...line('Killed', story.killedAt),
        ]
      },
    }),
    ui: {
      label: 'Record',
      views: './admin/views/record',
      query: '{ label value }',
      createView: { fieldMode: 'hidden' },
      itemView: { fieldMode: 'read', fieldPosition: 'sidebar' },
      listView: { fieldMode: 'hidden' },
    },
  })
}
