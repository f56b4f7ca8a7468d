// Working copies (issue 14): a published story's saves stay out of every reader's answer until
// publishChanges; discardChanges brings back exactly the live copy; a restore goes into the
// working copy; of two publishChanges from one version exactly one wins.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Context } from '../../generated/keystone/types'
import { contextFor, createStaff, type Staff } from '../access/fixtures'
import { testContext } from '../helpers/context'
import {
  expectOk,
  paragraph,
  publishedStory,
  readerViews,
  revisionsOf,
  runAction,
  save,
  versionOf,
} from './helpers'

const { context, reset } = await testContext()
let staff: Staff
let editor: Context
let authorSlug: string
beforeAll(async () => {
  await reset()
  staff = await createStaff(context)
  editor = contextFor(context, staff, 'editor')
  authorSlug = String(
    (await context.sudo().db.Person.findOne({ where: { id: staff.reporterA.personId! } }))!.slug
  )
})

const sudo = () => context.sudo()
const hasChanges = async (id: string) =>
  (await editor.query.Article.findOne({ where: { id }, query: 'hasUnpublishedChanges' }))
    .hasUnpublishedChanges as boolean

async function story(id: string) {
  const tag = await sudo().db.Tag.createOne({ data: { name: `Topik ${id.slice(-5)}` } })
  const made = await publishedStory(context, editor, staff.reporterA.personId!, {
    tags: { connect: [{ id: tag.id }] },
  })
  return { ...made, tagSlug: String(tag.slug), tagId: String(tag.id) }
}

describe('a published story edited and saved', () => {
  it('every reader answer stays the live copy byte for byte until publishChanges', async () => {
    const { id, slug, tagSlug } = await story('a')
    const before = await readerViews(context, slug, authorSlug, tagSlug)
    const newTag = await sudo().db.Tag.createOne({ data: { name: 'Tag Baru' } })
    await save(
      editor,
      id,
      `headline: "Judul diubah", summary: "Ringkasan diubah",
       body: [{ type: "paragraph", children: [{ text: "Paragraf baru." }] }],
       authors: { connect: [{ id: "${staff.editor.personId}" }] },
       tags: { connect: [{ id: "${newTag.id}" }] },
       relatedLinks: { create: [{ label: "Baca juga", url: "https://example.org/a" }] }`
    )
    expect(await readerViews(context, slug, authorSlug, tagSlug)).toEqual(before)
    // A new author and a new tag are not live: their pages do not exist for readers yet.
    const editorSlug = String(
      (await sudo().db.Person.findOne({ where: { id: staff.editor.personId! } }))!.slug
    )
    const after = await readerViews(context, slug, editorSlug, String(newTag.slug))
    expect(JSON.parse(after.person).data.person).toBeNull()
    expect(JSON.parse(after.tag).data.tag).toBeNull()
    expect(await hasChanges(id)).toBe(true)

    await expectOk(editor, 'publishChanges', id)
    const live = JSON.parse(
      (await readerViews(context, slug, editorSlug, String(newTag.slug))).page
    ).data.story
    expect(live).toMatchObject({
      headline: 'Judul diubah',
      summary: 'Ringkasan diubah',
      relatedLinks: [{ label: 'Baca juga', url: 'https://example.org/a', target: null }],
    })
    expect(live.body.document).toEqual([paragraph('Paragraf baru.')])
    expect(live.authors.map((a: { slug: string }) => a.slug).sort()).toEqual(
      [authorSlug, editorSlug].sort()
    )
    expect(live.tags.map((t: { slug: string }) => t.slug).sort()).toEqual(
      [tagSlug, String(newTag.slug)].sort()
    )
    expect(Date.parse(live.modifiedAt)).toBeGreaterThan(Date.parse(live.publishedAt))
    expect(await hasChanges(id)).toBe(false)
  })

  it('a renamed tag shows its new name on the live copy without publishChanges', async () => {
    const { id, slug, tagId } = await story('b')
    await save(editor, id, 'headline: "Belum terbit"')
    await sudo().db.Tag.updateOne({ where: { id: tagId }, data: { name: 'Nama Baru' } })
    const page = JSON.parse((await readerViews(context, slug, authorSlug, 'x')).page).data.story
    expect(page.tags.map((t: { name: string }) => t.name)).toEqual(['Nama Baru'])
    expect(page.headline).not.toBe('Belum terbit')
  })

  it('discardChanges brings back exactly the live copy, links and relations included', async () => {
    const { id, slug, tagSlug } = await story('c')
    const before = await readerViews(context, slug, authorSlug, tagSlug)
    const [live] = await revisionsOf(context, id).then(r => r.filter(x => x.action === 'publish'))
    await save(
      editor,
      id,
      `headline: "Coretan", tags: { set: [] }, editorialNote: "catatan",
       relatedLinks: { create: [{ label: "Sementara" }] }`
    )
    await expectOk(editor, 'discardChanges', id)
    const revisions = await revisionsOf(context, id)
    const last = revisions.at(-1)!
    expect(last.action).toBe('discardChanges')
    expect(last.snapshot.fields).toEqual(live!.snapshot.fields)
    expect(last.snapshot.relations).toEqual(live!.snapshot.relations)
    expect(last.snapshot.relatedLinks).toEqual(live!.snapshot.relatedLinks)
    expect(await sudo().db.RelatedLink.count({ where: { article: { id: { equals: id } } } })).toBe(
      0
    )
    expect(await hasChanges(id)).toBe(false)
    expect(await readerViews(context, slug, authorSlug, tagSlug)).toEqual(before)
    // One history event, no second discard.
    const events = await sudo().query.ArticleEvent.findMany({
      where: { article: { id: { equals: id } }, action: { equals: 'discardChanges' } },
      query: 'version',
    })
    expect(events).toHaveLength(1)
    expect(await runAction(editor, 'discardChanges', id)).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/needs unpublished changes/) }),
    ])
  })

  it('discard re-links by stable id and says what was deleted since', async () => {
    const extra = await sudo().db.Person.createOne({ data: { name: 'Tokoh Sementara' } })
    const { id } = await publishedStory(context, editor, staff.reporterA.personId!, {
      people: { connect: [{ id: extra.id }] },
    })
    await save(editor, id, `people: { set: [] }`)
    // Taken off every working copy, the person can go; the live copy drops them.
    await sudo().db.Person.deleteOne({ where: { id: String(extra.id) } })
    await expectOk(editor, 'discardChanges', id)
    const last = (await revisionsOf(context, id)).at(-1)!
    expect(last.note).toMatch(/1 of its people was deleted since: left out/)
  })

  it('restores an old revision into the working copy only, as a new revision', async () => {
    const { id, slug, tagSlug } = await story('d')
    await save(editor, id, 'headline: "Versi dua"')
    await save(editor, id, 'headline: "Versi tiga"')
    await expectOk(editor, 'publishChanges', id)
    const before = await readerViews(context, slug, authorSlug, tagSlug)
    const two = (await revisionsOf(context, id)).find(
      r => r.snapshot.fields.headline === 'Versi dua'
    )!
    const { data, errors } = await editor.graphql.raw({
      query: `mutation($id: ID!, $v: Int!) {
        restoreArticleRevision(where: { id: $id }, version: $v) { action version note } }`,
      variables: { id: two.id, v: await versionOf(context, id) },
    })
    expect(errors).toBeUndefined()
    expect((data as Record<string, unknown>).restoreArticleRevision).toMatchObject({
      action: 'restore',
      note: `Restored from version ${two.version}.`,
    })
    expect((await sudo().db.Article.findOne({ where: { id } }))!.headline).toBe('Versi dua')
    expect(await readerViews(context, slug, authorSlug, tagSlug)).toEqual(before)
    expect(await hasChanges(id)).toBe(true)
    // A stale version restores nothing.
    const count = (await revisionsOf(context, id)).length
    const stale = await editor.graphql.raw({
      query: `mutation($id: ID!) { restoreArticleRevision(where: { id: $id }, version: 1) { id } }`,
      variables: { id: two.id },
    })
    expect(stale.errors?.[0]?.extensions?.code).toBe('STALE_VERSION')
    expect((await revisionsOf(context, id)).length).toBe(count)
    // A reporter may not restore a published story (the story's update rule).
    const reporter = contextFor(context, staff, 'reporterA')
    const refused = await reporter.graphql.raw({
      query: `mutation($id: ID!, $v: Int!) {
        restoreArticleRevision(where: { id: $id }, version: $v) { id } }`,
      variables: { id: two.id, v: await versionOf(context, id) },
    })
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect((await revisionsOf(context, id)).length).toBe(count)
  })

  it('of two publishChanges from one version, exactly one wins', async () => {
    const { id } = await story('e')
    await save(editor, id, 'headline: "Berlomba"')
    const version = await versionOf(context, id)
    const admin = contextFor(context, staff, 'admin')
    const results = await Promise.all([
      runAction(editor, 'publishChanges', id, version),
      runAction(admin, 'publishChanges', id, version),
    ])
    expect(results.filter(r => r === undefined)).toHaveLength(1)
    const events = await sudo().query.ArticleEvent.findMany({
      where: { article: { id: { equals: id } }, action: { equals: 'publishChanges' } },
      query: 'version',
    })
    expect(events).toHaveLength(1)
    const pubs = (await revisionsOf(context, id)).filter(r => r.action === 'publishChanges')
    expect(pubs).toHaveLength(1)
  })

  it('publishChanges may add a public correction in the same step', async () => {
    const { id, slug, tagSlug } = await story('f')
    await save(editor, id, 'headline: "Judul diperbaiki"')
    await expectOk(editor, 'publishChanges', id, ', correction: "Judul sebelumnya keliru."')
    const page = JSON.parse((await readerViews(context, slug, authorSlug, tagSlug)).page).data.story
    expect(page.headline).toBe('Judul diperbaiki')
    expect(page.corrections).toEqual([{ kind: 'correction', note: 'Judul sebelumnya keliru.' }])
    // Bad input changes nothing.
    await save(editor, id, 'headline: "Lagi"')
    const version = await versionOf(context, id)
    const errors = await runAction(
      editor,
      'publishChanges',
      id,
      version,
      ', correctionKind: "gossip", correction: "x"'
    )
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
    expect(await versionOf(context, id)).toBe(version)
  })
})

describe('addresses', () => {
  it('a slug a live copy still holds cannot be taken by another story', async () => {
    const { id, slug } = await story('g')
    await save(editor, id, 'slug: "alamat-baru-g"')
    const other = await context.sudo().db.Article.createOne({ data: { headline: 'Lain' } })
    const { errors } = await editor.graphql.raw({
      query: `mutation($id: ID!, $s: String!) {
        updateArticle(where: { id: $id }, data: { version: 1, slug: $s }) { id } }`,
      variables: { id: String(other.id), s: slug },
    })
    expect(errors?.[0]?.message).toMatch(/still the address of another story's live copy/)
    // The story itself may go back to it.
    await save(editor, id, `slug: "${slug}"`)
  })
})

describe('the desk notice', () => {
  it('says since when and by whom the story has unpublished changes, and what changed', async () => {
    const { id } = await story('h')
    const desk = async () =>
      (await editor.query.Article.findOne({ where: { id }, query: 'desk { tone status changes }' }))
        .desk
    expect(await desk()).toMatchObject({ status: 'Published', changes: null })
    await save(
      editor,
      id,
      `headline: "Judul lain", body: [
        { type: "paragraph", children: [{ text: "Paragraf satu diubah." }] },
        { type: "paragraph", children: [{ text: "Paragraf dua." }] },
        { type: "paragraph", children: [{ text: "Paragraf tiga." }] }]`
    )
    const notice = await desk()
    expect(notice.tone).toBe('caution')
    expect(notice.status).toMatch(
      new RegExp(
        `^Published — unpublished changes since \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d\\d:\\d\\d WIB by ${staff.editor.name}$`
      )
    )
    expect(notice.changes).toBe('headline; body: 1 paragraph changed, 1 inserted')
    await expectOk(editor, 'publishChanges', id)
    expect(await desk()).toMatchObject({ status: 'Published', changes: null })
  })
})
