// Every relationship between a story and a profile, seen from both sides: the Article field that
// owns it and the profile's read-only back-reference, with the GraphQL names the tests need.
import type { Context } from '../../generated/keystone/types'

export type ProfileList = 'Person' | 'Organization' | 'Place' | 'Tag'

export type Relation = {
  list: ProfileList
  /** The profile's back-reference (read-only in the API). */
  backRef: string
  /** The Article field that owns the relationship. */
  articleField: string
  many: boolean
}

export const relations: Relation[] = [
  { list: 'Person', backRef: 'authored', articleField: 'authors', many: true },
  { list: 'Person', backRef: 'edited', articleField: 'editors', many: true },
  { list: 'Person', backRef: 'mentionedIn', articleField: 'people', many: true },
  { list: 'Tag', backRef: 'articles', articleField: 'tags', many: true },
  { list: 'Place', backRef: 'datelineOf', articleField: 'datelinePlace', many: false },
  { list: 'Place', backRef: 'mentionedIn', articleField: 'places', many: true },
  { list: 'Organization', backRef: 'mentionedIn', articleField: 'organizations', many: true },
  { list: 'Organization', backRef: 'sourceOf', articleField: 'sources', many: true },
  { list: 'Organization', backRef: 'copyrightOf', articleField: 'copyrightHolder', many: false },
]

export const gqlNames: Record<ProfileList, { one: string; many: string; update: string }> = {
  Person: { one: 'person', many: 'people', update: 'updatePerson' },
  Organization: { one: 'organization', many: 'organizations', update: 'updateOrganization' },
  Place: { one: 'place', many: 'places', update: 'updatePlace' },
  Tag: { one: 'tag', many: 'tags', update: 'updateTag' },
}

/** The owning-side input connecting profile `id`. */
export const connectInput = (relation: Relation, id: string) =>
  relation.many ? { connect: [{ id }] } : { connect: { id } }

let counter = 0
/** A fresh profile of `list`. */
export async function newProfile(context: Context, list: ProfileList): Promise<string> {
  const db = context.sudo().db as unknown as Record<
    ProfileList,
    { createOne(a: object): Promise<{ id: string | number }> }
  >
  const created = await db[list].createOne({ data: { name: `Profil ${list} ${++counter}` } })
  return String(created.id)
}

/** The ids of the profiles the article holds in `relation`'s field (through sudo). */
export async function heldBy(context: Context, articleId: string, relation: Relation) {
  const field = relation.articleField
  const article = (await context.sudo().query.Article.findOne({
    where: { id: articleId },
    query: `version ${field} { id }`,
  })) as Record<string, unknown> & { version: number }
  const value = article[field] as { id: string }[] | { id: string } | null
  const ids = value === null ? [] : Array.isArray(value) ? value.map(v => v.id) : [value.id]
  return { version: article.version, ids: ids.sort() }
}
