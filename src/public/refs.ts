// What a cached public page depends on, and what a write touches, as "List:id" refs. Pure.
// A page is dropped when a write touches any of its refs; "List:*" stands for "any item of that
// list", for pages (listings) that any new or changed item of the list can enter or leave.

export type Ref = string

export const ref = (listKey: string, id: string): Ref => `${listKey}:${id}`
export const anyOf = (listKey: string): Ref => `${listKey}:*`

/** Lists whose changes can show on a public page: their writes must drop the pages. */
export const publicLists = [
  'Article',
  'Correction',
  'Organization',
  'Person',
  'Place',
  'RelatedLink',
  'Tag',
] as const
export type PublicList = (typeof publicLists)[number]

export type WrittenItem = { id: string | number; articleId?: string | null }

/** The refs a create, update or delete of `items` (before and after) touches. */
export function refsOfWrite(listKey: PublicList, items: readonly (WrittenItem | undefined)[]) {
  const refs = new Set<Ref>()
  for (const item of items) {
    if (!item) continue
    switch (listKey) {
      // Links and corrections are part of their story: a write to one is a write to it.
      case 'RelatedLink':
      case 'Correction':
        if (item.articleId) refs.add(ref('Article', item.articleId))
        refs.add(anyOf('Article'))
        break
      default:
        refs.add(ref(listKey, String(item.id)))
        refs.add(anyOf(listKey))
    }
  }
  return [...refs]
}
