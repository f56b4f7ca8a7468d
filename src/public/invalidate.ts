// Drops the read model's pages that a write to a public list touches (./refs.ts), from each such
// list's afterOperation hook: inside the write's transaction when it has one, and always before
// the write's request returns. The workflow actions, which write Article through Prisma, call
// dropPagesOf themselves inside their transaction.
import type { Context, Lists } from '../../generated/keystone/types'
import { dropPages } from './read-model'
import { publicLists, refsOfWrite, type PublicList, type WrittenItem } from './refs'

export async function dropPagesOf(
  context: Pick<Context, 'prisma'>,
  listKey: PublicList,
  items: readonly (WrittenItem | undefined)[]
) {
  await dropPages(context.prisma, refsOfWrite(listKey, items))
}

type AnyList = { hooks?: { afterOperation?: unknown } }
type AfterOperation = (args: {
  item?: WrittenItem
  originalItem?: WrittenItem
  context: Context
}) => Promise<void> | void

/** The lists, each public one with an afterOperation that drops the pages it touches. */
export function withPageDrops<L extends Lists>(lists: L): L {
  const out: Record<string, unknown> = { ...lists }
  for (const listKey of publicLists) {
    const list = lists[listKey] as AnyList
    const own = list.hooks?.afterOperation as AfterOperation | undefined
    const afterOperation: AfterOperation = async args => {
      await own?.(args)
      await dropPagesOf(args.context, listKey, [args.originalItem, args.item])
    }
    out[listKey] = { ...list, hooks: { ...list.hooks, afterOperation } }
  }
  return out as L
}
