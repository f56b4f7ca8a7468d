// Read-also links from the story's side: a story may create its own links and let go of them,
// but not take another story's (connecting a link moves it, which changes that other story
// without its rules). Links are moved from the link itself (RelatedLink.article), where the
// rules of the story it goes to apply.
import type { KeystoneContext } from '@keystone-6/core/types'

type LinkRef = { id?: string | null }
type LinksInput = { connect?: LinkRef[]; set?: LinkRef[] } | null | undefined
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
type Context = KeystoneContext<any>

/** Why this article write's `relatedLinks` input is refused, as messages for the writer. */
export async function linkProblems({
  inputData,
  item,
  context,
}: {
  inputData: { relatedLinks?: unknown }
  item?: unknown
  context: Context
}): Promise<string[]> {
  const links = inputData.relatedLinks as LinksInput
  const ids = [...(links?.connect ?? []), ...(links?.set ?? [])]
    .map(ref => ref.id)
    .filter((id): id is string => typeof id === 'string')
  if (ids.length === 0) return []
  const self = (item as { id?: string } | undefined)?.id
  const elsewhere = await context.sudo().db.RelatedLink!.count({
    where: {
      id: { in: ids },
      NOT: [{ article: null }],
      ...(self !== undefined && { article: { id: { not: { equals: self } } } }),
    },
  })
  if (elsewhere === 0) return []
  return ['A read-also link belongs to its own story: change the link itself to move it']
}
