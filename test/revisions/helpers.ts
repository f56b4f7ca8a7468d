// Shared steps of the working-copy tests: a published story, an editor's save, the workflow's
// new actions, and every Content API answer a reader could get about a story.
import { expect } from 'vitest'
import type { Context } from '../../generated/keystone/types'
import { ask } from '../content/world'

export const paragraph = (text: string) => ({ type: 'paragraph', children: [{ text }] })

export async function versionOf(context: Context, id: string): Promise<number> {
  return (await context.sudo().db.Article.findOne({ where: { id } }))!.version as number
}

/** A story published through publishArticle by `editor`, with the given author's byline. */
export async function publishedStory(
  context: Context,
  editor: Context,
  authorPersonId: string,
  extra: Record<string, unknown> = {}
) {
  const article = await context.sudo().db.Article.createOne({
    data: {
      headline: `Kabar ${Math.random().toString(36).slice(2, 8)}`,
      summary: 'Ringkasan awal',
      body: [paragraph('Paragraf satu.'), paragraph('Paragraf dua.')],
      authors: { connect: [{ id: authorPersonId }] },
      ...extra,
    },
  })
  const id = String(article.id)
  await expectOk(editor, 'publish', id)
  const slug = String((await context.sudo().db.Article.findOne({ where: { id } }))!.slug)
  return { id, slug }
}

/** Runs a working-copy or workflow action; answers with its errors (none: undefined). */
export async function runAction(
  actor: Context,
  name: string,
  id: string,
  version?: number,
  extra = ''
) {
  const v = version ?? (await versionOf(actor, id))
  const { errors } = await actor.graphql.raw({
    query: `mutation($id: ID!, $v: Int!) {
      ${name}Article(where: { id: $id }, version: $v${extra}) { id } }`,
    variables: { id, v },
  })
  return errors
}

export async function expectOk(actor: Context, name: string, id: string, extra = '') {
  const errors = await runAction(actor, name, id, undefined, extra)
  expect(errors).toBeUndefined()
}

/** An editor's save through updateArticle (GraphQL `data` as text, e.g. `headline: "x"`). */
export async function save(actor: Context, id: string, data: string) {
  const { errors } = await actor.graphql.raw({
    query: `mutation($id: ID!, $v: Int!) {
      updateArticle(where: { id: $id }, data: { version: $v, ${data} }) { id } }`,
    variables: { id, v: await versionOf(actor, id) },
  })
  expect(errors).toBeUndefined()
}

const STORY = `id slug status headline summary publishedAt modifiedAt body { document html }
  authors { slug name } people { slug } tags { slug name } places { slug }
  relatedLinks { label url target { slug } } corrections { kind note }`

const CARD = 'id slug headline summary modifiedAt authors { slug name } tags { slug name }'

/** Every answer a reader can get about the story: its page, the listing, its tag and author pages. */
export async function readerViews(
  context: Context,
  slug: string,
  authorSlug: string,
  tagSlug: string
) {
  const page = await ask(context, `query($s: String!) { story(slug: $s) { ${STORY} } }`, {
    s: slug,
  })
  const listing = await ask(context, `{ stories(first: 100) { nodes { ${CARD} } } }`)
  const person = await ask(
    context,
    `query($s: String!) { person(slug: $s) { name stories { nodes { slug headline } } } }`,
    { s: authorSlug }
  )
  const tag = await ask(
    context,
    `query($s: String!) { tag(slug: $s) { name stories { nodes { slug headline } } } }`,
    { s: tagSlug }
  )
  return { page: page.text, listing: listing.text, person: person.text, tag: tag.text }
}

/** The story's revisions, oldest first. */
export async function revisionsOf(context: Context, id: string) {
  return context.sudo().query.ArticleRevision.findMany({
    where: { article: { id: { equals: id } } },
    orderBy: { version: 'asc' },
    query: 'id version action actorName note contentHash snapshot',
  })
}
