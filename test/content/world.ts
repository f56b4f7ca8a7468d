// A newsroom in every state, made through the real workflow actions, for the Content API tests:
// each story is described by its history (the steps taken), and the expectations are derived
// from that description alone, never from the publisher's code.
import { execute, parse } from 'graphql'
import type { Context } from '../../generated/keystone/types'
import { contentContext, contentSchema } from '../../src/content/schema'
import { contextFor, createStaff, type Staff } from '../access/fixtures'

/** Planted in everything a reader must never see; no answer may contain it. */
export const SECRET = 'RAHASIA'
/** Planted in scheduled stories: stored already, but in no answer before their time. */
export const NOT_YET = 'TERJADWAL'

export type Step =
  | 'submit'
  | 'publish'
  | 'schedule'
  | 'unpublish'
  | 'republish'
  | 'kill'
  | 'correct'
  | 'rename'
  /** A save of the published story: hidden words, a new tag and link in its working copy. */
  | 'edit'
export type Spec = {
  name: string
  steps: Step[]
  /** Read-also links to these specs' stories. */
  linksTo?: string[]
  /** Whether a reader sees the story, its kill notice, or nothing; and whether it is due. */
  expect: 'story' | 'notice' | 'nothing' | 'scheduled'
}

// Every state, and the transitions between them that change what readers see.
export const specs: Spec[] = [
  { name: 'draft', steps: [], expect: 'nothing' },
  { name: 'review', steps: ['submit'], expect: 'nothing' },
  { name: 'published', steps: ['publish'], expect: 'story' },
  { name: 'scheduled', steps: ['schedule'], expect: 'scheduled' },
  { name: 'unpublished', steps: ['publish', 'unpublish'], expect: 'nothing' },
  { name: 'republished', steps: ['publish', 'unpublish', 'republish'], expect: 'story' },
  { name: 'killed', steps: ['publish', 'kill'], expect: 'notice' },
  { name: 'killedUnpublished', steps: ['publish', 'unpublish', 'kill'], expect: 'notice' },
  { name: 'killedScheduled', steps: ['schedule', 'kill'], expect: 'nothing' },
  { name: 'corrected', steps: ['publish', 'correct', 'correct'], expect: 'story' },
  { name: 'renamed', steps: ['publish', 'rename'], expect: 'story' },
  // Published with unpublished changes: readers see the live copy only.
  { name: 'edited', steps: ['publish', 'edit'], expect: 'story' },
  { name: 'editedCorrected', steps: ['publish', 'edit', 'correct'], expect: 'story' },
  {
    name: 'linking',
    steps: ['publish'],
    linksTo: ['draft', 'review', 'published', 'scheduled', 'unpublished', 'killed'],
    expect: 'story',
  },
]

export type Made = Spec & {
  id: string
  slug: string
  headline: string
  /** The hidden markers this story carries (body, notes, profiles only it uses). */
  tagSlug: string
  placeSlug: string
  personSlug: string
}

/** When scheduled stories go out: a day from now. */
export const FUTURE = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString()

export const isShown = (spec: Spec, due = false) =>
  spec.expect === 'story' || (due && spec.expect === 'scheduled')

export async function makeWorld(context: Context) {
  const staff: Staff = await createStaff(context)
  const editor = contextFor(context, staff, 'editor')
  const sudo = context.sudo()
  const made: Record<string, Made> = {}
  const version = async (id: string) =>
    (await sudo.db.Article.findOne({ where: { id } }))!.version as number
  const action = async (
    name: string,
    id: string,
    extra = '',
    declared = '',
    text = 'Alasan redaksi (publik)'
  ) => {
    const { errors } = await editor.graphql.raw({
      query: `mutation($id: ID!, $v: Int!${declared}) {
        ${name}Article(where: { id: $id }, version: $v${extra}) { id } }`,
      variables: { id, v: await version(id), t: text, at: FUTURE },
    })
    if (errors?.length) throw new Error(`${name}: ${errors[0]!.message}`)
  }

  for (const spec of specs) {
    const hidden = spec.expect !== 'story'
    const mark = spec.expect === 'scheduled' ? ` ${NOT_YET}` : hidden ? ` ${SECRET}` : ''
    // A kill notice keeps the headline: the rest of a killed story is hidden.
    const headline = `Berita ${spec.name}${spec.expect === 'notice' ? '' : mark}`
    // Profiles only this story uses: public exactly when the story is shown.
    const tag = await sudo.db.Tag.createOne({ data: { name: `Tag ${spec.name}${mark}` } })
    const place = await sudo.db.Place.createOne({ data: { name: `Tempat ${spec.name}${mark}` } })
    const person = await sudo.db.Person.createOne({ data: { name: `Tokoh ${spec.name}${mark}` } })
    const article = await sudo.db.Article.createOne({
      data: {
        headline,
        summary: `Ringkasan ${spec.name}${mark}`,
        body: [
          { type: 'paragraph', children: [{ text: `Isi ${spec.name}${mark}` }] },
          { type: 'paragraph', children: [{ text: 'Paragraf <dua> & "kutipan"', bold: true }] },
        ],
        editorialNote: `Catatan internal ${SECRET}`,
        authors: { connect: [{ id: staff.reporterA.personId! }] },
        tags: { connect: [{ id: tag.id }] },
        places: { connect: [{ id: place.id }] },
        people: { connect: [{ id: person.id }] },
      },
    })
    const id = String(article.id)
    for (const step of spec.steps) {
      if (step === 'submit') await action('submit', id)
      if (step === 'publish') await action('publish', id)
      if (step === 'republish') await action('republish', id)
      // The reason for unpublishing is kept in the history, never shown.
      if (step === 'unpublish')
        await action('unpublish', id, ', reason: $t', ', $t: String', `Alasan ${SECRET}`)
      if (step === 'kill') await action('kill', id, ', reason: $t', ', $t: String')
      if (step === 'schedule') await action('publish', id, ', publishedAt: $at', ', $at: DateTime')
      if (step === 'correct')
        await editor.db.Correction.createOne({
          data: { article: { connect: { id } }, kind: 'correction', note: `Ralat ${Date.now()}` },
        })
      if (step === 'edit') {
        const secretTag = await sudo.db.Tag.createOne({ data: { name: `Tag baru ${SECRET}` } })
        const { errors } = await editor.graphql.raw({
          query: `mutation($id: ID!, $v: Int!, $tag: ID!) { updateArticle(where: { id: $id },
            data: { version: $v, headline: "Judul ${SECRET}", summary: "Ringkas ${SECRET}",
              body: [{ type: "paragraph", children: [{ text: "Isi ${SECRET}" }] }],
              tags: { connect: [{ id: $tag }] },
              relatedLinks: { create: [{ label: "Baca ${SECRET}" }] } }) { id } }`,
          variables: { id, v: await version(id), tag: secretTag.id },
        })
        if (errors?.length) throw new Error(`edit: ${errors[0]!.message}`)
      }
      if (step === 'rename')
        await sudo.db.Person.updateOne({
          where: { id: String(person.id) },
          data: { name: `Tokoh baru ${spec.name}`, slug: `tokoh-baru-${spec.name.toLowerCase()}` },
        })
    }
    const saved = (await sudo.db.Article.findOne({ where: { id } }))!
    made[spec.name] = {
      ...spec,
      id,
      slug: String(saved.slug),
      headline,
      tagSlug: String(tag.slug),
      placeSlug: String(place.slug),
      personSlug: String(
        (await sudo.db.Person.findOne({ where: { id: String(person.id) } }))!.slug
      ),
    }
  }
  // Read-also links, once every target exists.
  for (const spec of specs) {
    for (const [i, target] of (spec.linksTo ?? []).entries()) {
      await sudo.db.RelatedLink.createOne({
        data: {
          article: { connect: { id: made[spec.name]!.id } },
          label: `Baca juga ${target}`,
          targetArticle: { connect: { id: made[target]!.id } },
          position: i + 1,
        },
      })
    }
    // Links added to a published story go live with its changes.
    if (spec.linksTo?.length) await action('publishChanges', made[spec.name]!.id)
  }
  return { staff, made, action }
}

const schema = contentSchema()

/** Runs a Content API query straight on the schema (the HTTP layer is tested on its own). */
export async function ask(
  context: Context,
  query: string,
  variables?: Record<string, unknown>,
  now?: Date
) {
  const contextValue = contentContext(context.prisma, now)
  const result = await execute({
    schema,
    document: parse(query),
    variableValues: variables,
    contextValue,
  })
  return { ...result, keys: contextValue.keys, text: JSON.stringify(result) }
}
