// The newsroom's time zone (WARTA_TIME_ZONE, src/workflow/newsroom-time.ts) as a read-only
// virtual field of the signed-in account, so the Admin UI can write every date and time in it:
// Keystone 8 gives a custom view no other way to read a server setting.
import { gWithContext } from '@keystone-6/core'
import { virtual } from '@keystone-6/core/fields'
import { denyAll } from '@keystone-6/core/access'
import { isSignedIn } from '../access/rules'
import { newsroomTimeZone } from '../workflow/newsroom-time'
import type { Context, Lists } from '../../generated/keystone/types'

const g = gWithContext<Context>()

export function newsroomTimeZoneField(): NonNullable<Lists.User['fields']>[string] {
  return virtual({
    access: { read: isSignedIn, create: denyAll, update: denyAll },
    field: g.field({ type: g.nonNull(g.String), resolve: () => newsroomTimeZone() }),
    ui: {
      createView: { fieldMode: 'hidden' },
      itemView: { fieldMode: 'hidden' },
      listView: { fieldMode: 'hidden' },
    },
  })
}
