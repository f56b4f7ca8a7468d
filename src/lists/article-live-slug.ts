// A story's address stays its own while its live copy holds it: another story's working copy
// may have moved to a new slug, but until that is published readers still find it at the old
// one (the published store's slugs are unique), so no other story may take it meanwhile.
import type { KeystoneContext } from '@keystone-6/core/types'

/** The problem with `resolvedData.slug` for article `item`, or null. */
export async function liveSlugProblem({
  resolvedData,
  item,
  context,
}: {
  resolvedData: { slug?: unknown }
  item?: { id?: unknown }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
  context: KeystoneContext<any>
}): Promise<string | null> {
  const slug = resolvedData.slug
  if (typeof slug !== 'string' || slug === '') return null
  const rows = (await context.prisma.$queryRaw`
    SELECT "articleId" FROM "ContentStory" WHERE "slug" = ${slug}`) as { articleId: string }[]
  const holder = rows[0]?.articleId
  if (!holder || holder === String(item?.id ?? '')) return null
  return `"${slug}" is still the address of another story's live copy: choose another slug`
}
