// Which killed stories a reporter bylines, read once per request: publicWhenKilled asks it for
// every field of every killed item, and one query per field per item would cost a round trip
// each. Killed is terminal and only editors kill, so the answer cannot change within a
// reporter's request.
import type { Session } from './session'

/** What this module reads of a Keystone context. */
export type OwnContext = {
  sudo(): {
    db: { Article: { findMany(args: { where: object }): Promise<readonly { id: unknown }[]> } }
  }
}

const memo = new WeakMap<object, Map<string, Promise<Set<string>>>>()

/** The ids of the killed stories `session`'s Person is an author of, memoised per context. */
export function ownKilledIds(context: OwnContext, session: Session): Promise<Set<string>> {
  let bySession = memo.get(context)
  if (!bySession) memo.set(context, (bySession = new Map()))
  let pending = bySession.get(session.itemId)
  if (!pending) {
    pending = context
      .sudo()
      .db.Article.findMany({
        where: {
          status: { equals: 'killed' },
          authors: { some: { user: { id: { equals: session.itemId } } } },
        },
      })
      .then(items => new Set(items.map(item => String(item.id))))
    bySession.set(session.itemId, pending)
  }
  return pending
}
