// Staff accounts and content for the access tests: two reporters with bylines, an editor and
// an admin, and a maker for a fresh target of each list (so a case that deletes it harms no other).
import type { Context } from '../../generated/keystone/types'
import { asStaff } from '../helpers/context'

export const statuses = ['draft', 'in_review', 'published', 'unpublished', 'killed'] as const
export type Status = (typeof statuses)[number]
export const actors = ['anonymous', 'reporterA', 'reporterB', 'editor', 'admin'] as const
export type Actor = (typeof actors)[number]

/** The role an actor signs in with (undefined: anonymous). */
export const roleOf = (actor: Actor) =>
  actor === 'anonymous'
    ? undefined
    : actor.startsWith('reporter')
      ? 'reporter'
      : (actor as 'editor' | 'admin')

export type Staff = Record<
  Exclude<Actor, 'anonymous'>,
  { userId: string; personId?: string; name?: string }
>

let counter = 0
const unique = (prefix: string) => `${prefix}-${++counter}`

export async function createStaff(context: Context): Promise<Staff> {
  const db = context.sudo().db
  const account = async (name: string, role: 'reporter' | 'editor' | 'admin', byline: boolean) => {
    const user = await db.User.createOne({
      data: { name, email: `${unique(role)}@warta.test`, password: 'a-long-test-password', role },
    })
    if (!byline) return { userId: String(user.id), name }
    const person = await db.Person.createOne({ data: { name, user: { connect: { id: user.id } } } })
    return { userId: String(user.id), personId: String(person.id), name }
  }
  return {
    reporterA: await account('Reporter A', 'reporter', true),
    reporterB: await account('Reporter B', 'reporter', true),
    editor: await account('Editor', 'editor', true),
    admin: await account('Admin', 'admin', false),
  }
}

export function contextFor(context: Context, staff: Staff, actor: Actor): Context {
  if (actor === 'anonymous') return context
  const role = actor.startsWith('reporter') ? 'reporter' : (actor as 'editor' | 'admin')
  const { userId, name } = staff[actor]
  return asStaff(context, { id: userId, role, ...(name && { name }) }) as Context
}

const wasPublished = (status: Status) => status !== 'draft' && status !== 'in_review'

/** An article by reporter A in `status`; published-ish ones carry a past publication time. */
export async function articleByA(context: Context, staff: Staff, status: Status) {
  const article = await context.sudo().db.Article.createOne({
    data: {
      headline: unique('Cerita'),
      body: [{ type: 'paragraph', children: [{ text: 'Isi berita.' }] }],
      status,
      publishedAt: wasPublished(status) ? '2023-07-12T00:00:00.000Z' : null,
      authors: { connect: [{ id: staff.reporterA.personId! }] },
    },
  })
  return String(article.id)
}

/** A profile that a published article refers to (public), for each profile list. */
export async function publicProfile(
  context: Context,
  list: 'Person' | 'Organization' | 'Place' | 'Tag'
) {
  const db = context.sudo().db
  const name = unique(list)
  const created =
    list === 'Person'
      ? await db.Person.createOne({ data: { name } })
      : list === 'Organization'
        ? await db.Organization.createOne({ data: { name } })
        : list === 'Place'
          ? await db.Place.createOne({ data: { name } })
          : await db.Tag.createOne({ data: { name } })
  const field = { Person: 'people', Organization: 'organizations', Place: 'places', Tag: 'tags' }[
    list
  ]
  await db.Article.createOne({
    data: {
      headline: unique('Terbit'),
      status: 'published',
      publishedAt: '2023-07-12T00:00:00.000Z',
      [field]: { connect: [{ id: created.id }] },
    },
  })
  return String(created.id)
}

export const newName = () => unique('Nama')
