// Bylines and ownership: a reporter's stories are the ones their Person is an author of, so a
// reporter becomes an author of what they create and cannot take themselves off it.
import type { KeystoneContext } from '@keystone-6/core/types'
import { can } from '../access/roles'
import type { Session } from '../access/session'

type PersonRef = { id?: string; slug?: string }
type AuthorsInput =
  { connect?: PersonRef[]; disconnect?: PersonRef[]; set?: PersonRef[] } | null | undefined
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's context
type Context = KeystoneContext<any>

/** Sessions whose articles are limited to their own bylines (reporters). */
function bylineBound(context: Context): Session | undefined {
  const session = context.session as Session | undefined
  return session && !can(session.data.role, 'article.editAll') ? session : undefined
}

async function bylineOf(context: Context, session: Session) {
  const [person] = await context.sudo().db.Person!.findMany({
    where: { user: { id: { equals: session.itemId } } },
    take: 1,
  })
  return person as { id: string; slug: string } | undefined
}

const refersTo = (person: { id: string; slug: string }) => (ref: PersonRef) =>
  ref.id === person.id || ref.slug === person.slug

/** Field hook (create): connect the reporter's own Person as an author. */
export async function withOwnByline({
  resolvedData,
  context,
}: {
  resolvedData: { authors?: unknown }
  context: Context
}) {
  const authors = resolvedData.authors as AuthorsInput
  const session = bylineBound(context)
  if (!session) return authors
  const person = await bylineOf(context, session)
  if (!person) return authors // authorshipProblems explains
  const connect = authors?.connect ?? []
  if (connect.some(refersTo(person))) return authors
  return { ...authors, connect: [...connect, { id: person.id }] }
}

/** Why this write would break the byline rules, as messages for the person making it. */
export async function authorshipProblems({
  operation,
  inputData,
  context,
}: {
  operation: 'create' | 'update'
  inputData: { authors?: unknown }
  item?: unknown
  context: Context
}): Promise<string[]> {
  const session = bylineBound(context)
  if (!session) return []
  const person = await bylineOf(context, session)
  if (!person) {
    return ['Your account has no byline (Person) yet: ask an admin to link one before you write']
  }
  const authors = inputData.authors as AuthorsInput
  if (operation === 'update' && authors) {
    const removed =
      (authors.set && !authors.set.some(refersTo(person))) ||
      (authors.disconnect ?? []).some(refersTo(person))
    if (removed) return ['You cannot remove yourself as an author of your own story']
  }
  return []
}

type ResolvedAuthors = {
  set?: { id: unknown }[]
  connect?: { id: unknown }[]
  disconnect?: { id: unknown }[]
}

/**
 * A published story keeps a byline: publishing needs an author (src/workflow/transitions.ts),
 * and an update may not then take the last one off (resolved relationship input, by id).
 */
export async function publishedBylineProblem({
  operation,
  resolvedData,
  item,
  context,
}: {
  operation: 'create' | 'update'
  resolvedData: { authors?: unknown }
  item?: { id: unknown; status?: unknown }
  context: Context
}): Promise<string | null> {
  const authors = resolvedData.authors as ResolvedAuthors | undefined
  if (operation !== 'update' || !authors || item?.status !== 'published') return null
  const ids = (refs?: { id: unknown }[]) => (refs ?? []).map(ref => String(ref.id))
  const current = (await context.sudo().query.Article!.findOne({
    where: { id: String(item.id) },
    query: 'authors { id }',
  })) as { authors: { id: string }[] }
  const after = new Set(authors.set ? ids(authors.set) : current.authors.map(a => a.id))
  for (const id of ids(authors.disconnect)) after.delete(id)
  for (const id of ids(authors.connect)) after.add(id)
  return after.size === 0 ? 'A published story keeps at least one author: add one first' : null
}
