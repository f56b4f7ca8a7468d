// A story's life through the workflow, scheduled publishing, kills, corrections, the audit
// trail's immutability, and no lost updates under concurrency.
import { beforeAll, describe, expect, it } from 'vitest'
import { articleByA, contextFor, createStaff, type Staff } from '../access/fixtures'
import { failureOf, testContext } from '../helpers/context'
import { act } from './act'
import { ask } from '../content/world'

const { context, reset } = await testContext()
let staff: Staff
const as = (actor: Parameters<typeof contextFor>[2]) => contextFor(context, staff, actor)
const sudo = () => context.sudo()
const version = async (id: string) => (await sudo().db.Article.findOne({ where: { id } }))!.version

beforeAll(async () => {
  await reset()
  staff = await createStaff(context)
})

/** What readers get for a story: the Content API's answer, in the staff API's words. */
async function publicView(id: string, now?: Date) {
  const { slug } = (await sudo().db.Article.findOne({ where: { id } }))!
  const { data } = await ask(
    context,
    `query($slug: String!) { story(slug: $slug) {
      id headline status publishedAt killedAt killNotice body { document } summary
      relatedLinks { label } corrections { kind note }
    } }`,
    { slug },
    now
  )
  const story = (data as { story: Record<string, unknown> | null }).story
  if (!story) return null
  const { killNotice, status, ...rest } = story
  expect(rest.id).toBe(id)
  return { ...rest, status: String(status).toLowerCase(), killReason: killNotice } as Record<
    string,
    any // eslint-disable-line @typescript-eslint/no-explicit-any -- answers of many shapes
  >
}

describe('a story from draft to published', () => {
  it('reporter submits, editor sends back with a note, reporter resubmits, editor publishes', async () => {
    const created = await as('reporterA').query.Article.createOne({
      data: {
        headline: 'Banjir di Jakarta',
        body: [{ type: 'paragraph', children: [{ text: 'Hujan deras sejak pagi.' }] }],
      },
      query: 'id status version',
    })
    const id = created.id as string
    expect(created).toMatchObject({ status: 'draft', version: 1 })

    expect((await act(as('reporterA'), 'submit', id, 1)).errors).toBeUndefined()
    expect(await publicView(id)).toBeNull()
    const sentBack = await act(as('editor'), 'sendBack', id, 2, 'Tambahkan sumber BMKG')
    expect(sentBack.errors).toBeUndefined()

    // The reporter sees the note in the story's history, edits, resubmits.
    const history = await as('reporterA').query.Article.findOne({
      where: { id },
      query: 'status events(orderBy: { at: desc }, take: 1) { action note actorName }',
    })
    expect(history).toEqual({
      status: 'draft',
      events: [{ action: 'sendBack', note: 'Tambahkan sumber BMKG', actorName: 'Editor' }],
    })
    // …and at the top of the story's page, in the desk notice.
    const desk = await as('reporterA').query.Article.findOne({
      where: { id },
      query: 'desk { tone status lastAction note }',
    })
    expect(desk.desk).toEqual({
      tone: 'caution',
      status: 'Draft',
      lastAction: 'Sent back by Editor',
      note: 'Tambahkan sumber BMKG',
    })
    await as('reporterA').db.Article.updateOne({
      where: { id },
      data: { summary: 'Menurut BMKG, hujan berlanjut.', version: 3 },
    })
    expect((await act(as('reporterA'), 'submit', id, 4)).errors).toBeUndefined()
    expect((await act(as('editor'), 'publish', id, 5)).errors).toBeUndefined()

    const story = await publicView(id)
    expect(story).toMatchObject({ headline: 'Banjir di Jakarta', status: 'published' })
    // The desk notice is for staff: the staff API gives a caller without a session nothing.
    const anonymous = await context.graphql.raw({
      query: `query($id: ID!) { article(where: { id: $id }) { desk { note } } }`,
      variables: { id },
    })
    expect((anonymous.data as { article: unknown }).article).toBeNull()
    expect(Date.now() - Date.parse(story!.publishedAt as string)).toBeLessThan(60_000)
    const events = await sudo().query.ArticleEvent.findMany({
      where: { article: { id: { equals: id } } },
      orderBy: { version: 'asc' },
      query: 'action fromStatus toStatus version',
    })
    expect(events.map(e => `${e.action}:${e.fromStatus}->${e.toStatus}@${e.version}`)).toEqual([
      'submit:draft->in_review@2',
      'sendBack:in_review->draft@3',
      'submit:draft->in_review@5',
      'publish:in_review->published@6',
    ])
  })

  it('refuses to publish a story without a body or an author, changing nothing', async () => {
    const { id } = await sudo().db.Article.createOne({ data: { headline: 'Kosong' } })
    const result = await act(as('editor'), 'publish', String(id), 1)
    expect(result.errors?.[0]?.message).toBe(
      'To publish a story it needs a body, at least one author'
    )
    expect((await sudo().db.Article.findOne({ where: { id } }))?.status).toBe('draft')
  })

  it('a note or reason is required where the table says so', async () => {
    const id = await articleByA(context, staff, 'published')
    const result = await act(as('editor'), 'kill', id, 1, '  ')
    expect(result.errors?.[0]?.message).toBe('To kill a story, give a reason')
    expect((await sudo().db.Article.findOne({ where: { id } }))?.status).toBe('published')
  })
})

describe('scheduled publishing (no cron job)', () => {
  it('a future publishedAt keeps the story from readers until then', async () => {
    const id = await articleByA(context, staff, 'in_review')
    const future = new Date(Date.now() + 60 * 60 * 1000).toISOString()
    const { errors } = await as('editor').graphql.raw({
      query: `mutation($id: ID!, $at: DateTime) { publishArticle(where: { id: $id }, version: 1, publishedAt: $at) { status publishedAt } }`,
      variables: { id, at: future },
    })
    expect(errors).toBeUndefined()
    expect((await sudo().db.Article.findOne({ where: { id } }))?.publishedAt?.toISOString()).toBe(
      future
    )
    expect(await publicView(id)).toBeNull()
    // Once the time has come (the Content API asked a second after it), it is public without
    // any job running.
    const then = new Date(Date.parse(future) + 1000)
    expect(await publicView(id, then)).toMatchObject({ status: 'published' })
  })

  it('publishedAt is set on first publication only', async () => {
    const id = await articleByA(context, staff, 'unpublished')
    const { errors } = await as('editor').graphql.raw({
      query: `mutation($id: ID!) { publishArticle(where: { id: $id }, version: 1, publishedAt: "2030-01-01T00:00:00.000Z") { id } }`,
      variables: { id },
    })
    expect(errors?.[0]?.message).toMatch(/Cannot publish a story that is unpublished/)
    const republished = await act(as('editor'), 'republish', id, 1)
    expect(republished.errors).toBeUndefined()
    expect((await sudo().db.Article.findOne({ where: { id } }))?.publishedAt?.toISOString()).toBe(
      '2023-07-12T00:00:00.000Z'
    )
  })
})

describe('a killed story', () => {
  it('stays addressable: readers get its headline, status and kill notice, never its body', async () => {
    const id = await articleByA(context, staff, 'published')
    await sudo().db.RelatedLink.createOne({
      data: { label: 'Baca juga', article: { connect: { id } } },
    })
    // Adding the link moved the story to version 2.
    expect(
      (await act(as('editor'), 'kill', id, 2, 'Dicabut atas permintaan narasumber')).errors
    ).toBeUndefined()
    const story = await publicView(id)
    expect(story).toMatchObject({
      status: 'killed',
      killReason: 'Dicabut atas permintaan narasumber',
      body: null,
      summary: null,
      relatedLinks: null,
    })
    expect(story!.headline).toMatch(/^Cerita/)
    expect(story!.killedAt).not.toBeNull()
    // Staff still see the record as it was.
    const staffView = await as('editor').query.Article.findOne({
      where: { id },
      query: 'body { document }',
    })
    expect(staffView.body.document).toHaveLength(1)
  })

  it('is terminal: nothing moves it, and nobody edits it', async () => {
    const id = await articleByA(context, staff, 'killed')
    for (const name of ['republish', 'reopen', 'publish', 'unpublish'] as const) {
      expect((await act(as('admin'), name, id, 1)).errors?.[0]?.message).toMatch(/Cannot/)
    }
    expect(
      await failureOf(() =>
        as('admin').db.Article.updateOne({
          where: { id },
          data: { headline: 'Dihidupkan', version: 1 },
        })
      )
    ).toMatch(/Access denied/)
  })
})

describe('the audit trail', () => {
  it('cannot be written, changed or deleted through the API, not even by an admin', async () => {
    const id = await articleByA(context, staff, 'draft')
    await act(as('reporterA'), 'submit', id, 1)
    const [event] = await sudo().db.ArticleEvent.findMany({
      where: { article: { id: { equals: id } } },
    })
    for (const mutation of [
      `mutation { createArticleEvent(data: { action: "publish" }) { id } }`,
      `mutation { updateArticleEvent(where: { id: "${event!.id}" }, data: { note: "x" }) { id } }`,
      `mutation { deleteArticleEvent(where: { id: "${event!.id}" }) { id } }`,
    ]) {
      const { errors } = await as('admin').graphql.raw({ query: mutation })
      expect(errors?.[0]?.message).toMatch(/Cannot query field/)
    }
    expect(
      await failureOf(() =>
        as('admin').db.ArticleEvent.deleteOne({ where: { id: String(event!.id) } })
      )
    ).toBeTruthy()
    expect(
      await sudo().db.ArticleEvent.findOne({ where: { id: String(event!.id) } })
    ).toMatchObject({
      action: 'submit',
      note: '',
    })
  })

  it('is visible to staff who can see the story, never to anonymous readers', async () => {
    const id = await articleByA(context, staff, 'draft')
    await act(as('reporterA'), 'submit', id, 1)
    const where = { article: { id: { equals: id } } }
    expect(await as('reporterA').db.ArticleEvent.count({ where })).toBe(1)
    expect(await as('reporterB').db.ArticleEvent.count({ where })).toBe(0)
    expect(await context.db.ArticleEvent.count({ where })).toBe(0)
  })
})

describe('corrections', () => {
  it('editors add them to published stories; readers see them; the story\u2019s modified time moves', async () => {
    const id = await articleByA(context, staff, 'published')
    const before = (await sudo().db.Article.findOne({ where: { id } }))!.updatedAt!
    await new Promise(resolve => setTimeout(resolve, 10))
    await as('editor').db.Correction.createOne({
      data: { article: { connect: { id } }, kind: 'correction', note: 'Nama menteri diperbaiki.' },
    })
    expect((await publicView(id))!.corrections).toEqual([
      { kind: 'correction', note: 'Nama menteri diperbaiki.' },
    ])
    const after = (await sudo().db.Article.findOne({ where: { id } }))!.updatedAt!
    expect(after.getTime()).toBeGreaterThan(before.getTime())
    const [correction] = await sudo().query.Correction.findMany({
      where: { article: { id: { equals: id } } },
      query: 'createdBy { id }',
    })
    expect(correction!.createdBy).toEqual({ id: staff.editor.userId })
  })

  it('can name the story by slug, as frontends and scripts do', async () => {
    const id = await articleByA(context, staff, 'published')
    const { slug } = (await sudo().db.Article.findOne({ where: { id } }))!
    const created = await as('editor').query.Correction.createOne({
      data: { article: { connect: { slug } }, kind: 'clarification', note: 'Konteks ditambahkan.' },
      query: 'kind article { id }',
    })
    expect(created).toEqual({ kind: 'clarification', article: { id } })
  })

  it('reporters cannot add them, drafts do not take them, and a note is required', async () => {
    const published = await articleByA(context, staff, 'published')
    const draft = await articleByA(context, staff, 'draft')
    const count = await sudo().db.Correction.count()
    const add = (actor: 'reporterA' | 'editor', id: string, note = 'x') =>
      failureOf(() =>
        as(actor).db.Correction.createOne({ data: { article: { connect: { id } }, note } })
      )
    expect(await add('reporterA', published)).toMatch(/Access denied/)
    expect(await add('editor', draft)).toMatch(/Corrections are for published stories/)
    expect(await add('editor', published, '')).toMatch(/Correction\.note/)
    expect(await sudo().db.Correction.count()).toBe(count)
  })
})

describe('no lost updates', () => {
  it('a stale save is refused, naming who changed the story and when, and writes nothing', async () => {
    const id = await articleByA(context, staff, 'draft')
    await as('editor').db.Article.updateOne({
      where: { id },
      data: { headline: 'Versi editor', version: 1 },
    })
    const error = await failureOf(() =>
      as('reporterA').db.Article.updateOne({
        where: { id },
        data: { headline: 'Versi reporter', version: 1 },
      })
    )
    expect(error).toMatch(
      /changed by Editor at \d{1,2} \w{3} \d{4}, \d\d:\d\d WIB \(it is now at version 2; you loaded version 1\)/
    )
    expect(await sudo().db.Article.findOne({ where: { id } })).toMatchObject({
      headline: 'Versi editor',
      version: 2,
    })
  })

  it('a stale action is refused the same way', async () => {
    const id = await articleByA(context, staff, 'in_review')
    await as('editor').db.Article.updateOne({
      where: { id },
      data: { summary: 'Ringkas', version: 1 },
    })
    const result = await act(as('editor'), 'publish', id, 1)
    expect(result.errors?.[0]?.message).toMatch(/changed by Editor .*you loaded version 1/)
    expect((await sudo().db.Article.findOne({ where: { id } }))?.status).toBe('in_review')
  })

  it('50 concurrent publishArticle calls: exactly one transition and one event', async () => {
    const id = await articleByA(context, staff, 'in_review')
    const results = await Promise.all(
      Array.from({ length: 50 }, () => act(as('editor'), 'publish', id, 1))
    )
    const succeeded = results.filter(r => !r.errors)
    expect(succeeded).toHaveLength(1)
    for (const failed of results.filter(r => r.errors)) {
      expect(failed.errors![0]!.message).toMatch(
        /changed by|Cannot publish a story that is published/
      )
    }
    expect(await sudo().db.ArticleEvent.count({ where: { article: { id: { equals: id } } } })).toBe(
      1
    )
    expect(await sudo().db.Article.findOne({ where: { id } })).toMatchObject({
      status: 'published',
      version: 2,
    })
  })

  it('20 concurrent saves from the same version: one wins, nineteen are refused, none is lost silently', async () => {
    const id = await articleByA(context, staff, 'draft')
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        as(i % 2 ? 'editor' : 'admin').db.Article.updateOne({
          where: { id },
          data: { summary: `Ringkasan ${i}`, version: 1 },
        })
      )
    )
    const won = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []))
    expect(won).toHaveLength(1)
    for (const o of outcomes) {
      if (o.status === 'rejected')
        expect(String(o.reason)).toMatch(/changed by .* you loaded version 1/)
    }
    // The stored story is exactly the winner's save.
    expect(await sudo().db.Article.findOne({ where: { id } })).toMatchObject({
      summary: `Ringkasan ${won[0]}`,
      version: 2,
    })
  })
})
