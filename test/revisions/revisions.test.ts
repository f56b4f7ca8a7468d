// ArticleRevision: one per save and per action, in the write's transaction (a refused save
// records none); immutable through the API from every side; kept forever unless
// WARTA_REVISIONS_KEEP_SAVES says otherwise; compared field by field and paragraph by paragraph.
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Context } from '../../generated/keystone/types'
import { contextFor, createStaff, type Staff } from '../access/fixtures'
import { testContext } from '../helpers/context'
import { expectOk, paragraph, publishedStory, revisionsOf, save, versionOf } from './helpers'

const { context, reset } = await testContext()
let staff: Staff
let editor: Context
let admin: Context
beforeAll(async () => {
  await reset()
  staff = await createStaff(context)
  editor = contextFor(context, staff, 'editor')
  admin = contextFor(context, staff, 'admin')
})
afterEach(() => {
  delete process.env.WARTA_REVISIONS_KEEP_SAVES
})

describe('recording', () => {
  it('each save and each action appends one revision with the full content', async () => {
    const { id } = await publishedStory(context, editor, staff.reporterA.personId!)
    await save(editor, id, 'headline: "Satu"')
    await save(editor, id, 'summary: "Dua"')
    await expectOk(editor, 'publishChanges', id)
    const revisions = await revisionsOf(context, id)
    // Created around the API (context.db, no mutation): the first revision is its publication.
    expect(revisions.map(r => [r.action, r.version])).toEqual([
      ['publish', 2],
      ['save', 3],
      ['save', 4],
      ['publishChanges', 5],
    ])
    expect(revisions[2]!).toMatchObject({ actorName: staff.editor.name })
    expect(revisions[2]!.snapshot).toMatchObject({
      format: 1,
      fields: { headline: 'Satu', summary: 'Dua' },
      relations: { authors: [staff.reporterA.personId] },
    })
  })

  it('a refused save records nothing', async () => {
    const { id } = await publishedStory(context, editor, staff.reporterA.personId!)
    const count = (await revisionsOf(context, id)).length
    const { errors } = await editor.graphql.raw({
      query: `mutation($id: ID!) { updateArticle(where: { id: $id },
        data: { version: 1, headline: "Basi" }) { id } }`,
      variables: { id },
    })
    expect(errors?.length).toBeGreaterThan(0)
    expect((await revisionsOf(context, id)).length).toBe(count)
  })
})

describe('immutability', () => {
  it('the API has no create, update or delete for revisions', async () => {
    for (const mutation of [
      'createArticleRevision',
      'updateArticleRevision',
      'deleteArticleRevision',
      'deleteArticleRevisions',
      'createArticleRevisions',
    ]) {
      const { errors } = await admin.graphql.raw({ query: `mutation { ${mutation} { id } }` })
      expect(errors?.[0]?.message).toMatch(/Cannot query field/)
    }
  })

  it('nor through Article: revisions are no input of createArticle or updateArticle', async () => {
    const { id } = await publishedStory(context, editor, staff.reporterA.personId!)
    const [revision] = await revisionsOf(context, id)
    const before = await revisionsOf(context, id)
    for (const revisions of [
      `{ create: [{ action: "publish", version: 99 }] }`,
      `{ disconnect: [{ id: "${revision!.id}" }] }`,
      `{ set: [] }`,
    ]) {
      const { errors } = await admin.graphql.raw({
        query: `mutation($id: ID!, $v: Int!) { updateArticle(where: { id: $id },
          data: { version: $v, revisions: ${revisions} }) { id } }`,
        variables: { id, v: await versionOf(context, id) },
      })
      expect(errors?.[0]?.message).toMatch(/revisions/)
    }
    expect(await revisionsOf(context, id)).toEqual(before)
  })

  it('reporters read the revisions of stories they may read only', async () => {
    const { id } = await publishedStory(context, editor, staff.reporterA.personId!)
    const draft = await context.sudo().db.Article.createOne({
      data: { headline: 'Draf editor', authors: { connect: [{ id: staff.editor.personId! }] } },
    })
    const reporter = contextFor(context, staff, 'reporterB')
    const visible = await reporter.query.ArticleRevision.findMany({
      where: { article: { id: { in: [id, String(draft.id)] } } },
      query: 'article { id }',
    })
    expect(new Set(visible.map(r => r.article.id))).toEqual(new Set([id]))
  })
})

describe('retention', () => {
  it('WARTA_REVISIONS_KEEP_SAVES keeps the last N saves; publications and actions stay', async () => {
    process.env.WARTA_REVISIONS_KEEP_SAVES = '2'
    const { id } = await publishedStory(context, editor, staff.reporterA.personId!)
    for (const headline of ['A', 'B', 'C', 'D']) await save(editor, id, `headline: "${headline}"`)
    const revisions = await revisionsOf(context, id)
    expect(revisions.map(r => r.action)).toEqual(['publish', 'save', 'save'])
    expect(revisions.slice(1).map(r => r.snapshot.fields.headline)).toEqual(['C', 'D'])
  })
})

describe('compareArticleRevisions', () => {
  it('names the people and tags a change added or removed (ids kept; a deleted one has no name)', async () => {
    const { id } = await publishedStory(context, editor, staff.reporterA.personId!, {})
    const sudo = context.sudo()
    const tag = await sudo.db.Tag.createOne({ data: { name: 'Pertahanan' } })
    const gone = await sudo.db.Tag.createOne({ data: { name: 'Sementara' } })
    await save(editor, id, `tags: { connect: [{ id: "${tag.id}" }, { id: "${gone.id}" }] }`)
    const revisions = await revisionsOf(context, id)
    // Taken off the story again, then deleted: the earlier revision still names its id.
    await save(editor, id, `tags: { disconnect: [{ id: "${gone.id}" }] }`)
    await sudo.db.Tag.deleteOne({ where: { id: String(gone.id) } })
    const { data, errors } = await editor.graphql.raw({
      query: `query($a: ID!, $b: ID!) { compareArticleRevisions(from: $a, to: $b) {
        fields { field before after } } }`,
      variables: { a: revisions.find(r => r.action === 'publish')!.id, b: revisions.at(-1)!.id },
    })
    expect(errors).toBeUndefined()
    const fields = (
      data as {
        compareArticleRevisions: { fields: { field: string; before: unknown; after: unknown }[] }
      }
    ).compareArticleRevisions.fields
    const tags = fields.find(f => f.field === 'tags')!
    expect(JSON.parse(String(tags.before))).toEqual([])
    expect(JSON.parse(String(tags.after))).toEqual(
      expect.arrayContaining([
        { id: String(tag.id), name: 'Pertahanan' },
        { id: String(gone.id), name: null },
      ])
    )
  })

  it('lists changed fields and marks inserted, deleted and changed paragraphs', async () => {
    const { id } = await publishedStory(context, editor, staff.reporterA.personId!, {
      body: [paragraph('Satu dua tiga.'), paragraph('Tetap.'), paragraph('Dihapus.')],
    })
    await save(
      editor,
      id,
      `headline: "Baru", body: [
        { type: "paragraph", children: [{ text: "Satu empat tiga." }] },
        { type: "paragraph", children: [{ text: "Tetap." }] },
        { type: "paragraph", children: [{ text: "Disisipkan." }] }]`
    )
    const revisions = await revisionsOf(context, id)
    const from = revisions.find(r => r.action === 'publish')!
    const to = revisions.at(-1)!
    const { data, errors } = await editor.graphql.raw({
      query: `query($a: ID!, $b: ID!) { compareArticleRevisions(from: $a, to: $b) {
        fromVersion toVersion summary fields { field before after }
        paragraphs { change before after words { value change } } } }`,
      variables: { a: from.id, b: to.id },
    })
    expect(errors).toBeUndefined()
    const c = (data as Record<string, any>).compareArticleRevisions // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(c.fields.map((f: { field: string }) => f.field)).toEqual(['headline', 'body'])
    expect(c.paragraphs.map((p: { change: string }) => p.change)).toEqual([
      'changed',
      'same',
      'changed',
    ])
    expect(c.paragraphs[0].words).toEqual([
      { value: 'Satu ', change: 'same' },
      { value: 'dua', change: 'deleted' },
      { value: 'empat', change: 'inserted' },
      { value: ' tiga.', change: 'same' },
    ])
    expect(c.summary).toBe('headline; body: 2 paragraphs changed')
    // Anonymous callers and revisions of two stories are refused.
    const anonymous = await context.graphql.raw({
      query: `query($a: ID!, $b: ID!) { compareArticleRevisions(from: $a, to: $b) { summary } }`,
      variables: { a: from.id, b: to.id },
    })
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
  })
})
