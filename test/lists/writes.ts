// Helpers for the tests of refused writes: GraphQL as a signed-in person, and a census of every
// list to show that a refused write changed nothing.
import { expect } from 'vitest'
import type { Context } from '../../generated/keystone/types'

export const LISTS = [
  'Article',
  'ArticleEvent',
  'Correction',
  'Organization',
  'Person',
  'Place',
  'RelatedLink',
  'Tag',
  'User',
] as const

type Answer = { data?: Record<string, unknown> | null; errors?: readonly { message: string }[] }

/** Runs a GraphQL request as `ctx` (a context with a session) and returns data and errors. */
export async function gql(ctx: Context, query: string, variables: Record<string, unknown> = {}) {
  return (await ctx.graphql.raw({ query, variables })) as Answer
}

/** How many rows each list has, and every Article's version, status and headline. */
export async function census(context: Context) {
  const db = context.sudo().db as unknown as Record<string, { count(): Promise<number> }>
  const counts = Object.fromEntries(
    await Promise.all(LISTS.map(async list => [list, await db[list]!.count()] as const))
  )
  const articles = await context.sudo().query.Article.findMany({
    query: 'id version status headline',
    orderBy: { id: 'asc' },
  })
  return { counts, articles }
}

/** Words no client may read: the database's and the machinery's own. */
export const INTERNAL = /prisma|sqlite|constraint|invocation|SQLSTATE|TypeError|RangeError|stack/i

/**
 * Runs a write that must be refused: it answers an error in plain words (matching `message`
 * when given) and leaves every list as it was.
 */
export async function expectRefused(
  context: Context,
  write: () => Promise<Answer>,
  message?: RegExp
): Promise<string> {
  const before = await census(context)
  const answer = await write()
  expect(answer.errors?.length, JSON.stringify(answer.data)).toBeGreaterThan(0)
  const text = answer.errors!.map(e => e.message).join('\n')
  expect(text).not.toMatch(INTERNAL)
  if (message) expect(text).toMatch(message)
  expect(await census(context)).toEqual(before)
  return text
}
