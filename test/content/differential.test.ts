// The Content API against the rules, for stories in every state (test/content/world.ts): each
// story, listing, filter and profile answers exactly what the states say, and no answer to any
// of them carries a byte of what readers may not see (the SECRET marker is planted in drafts,
// stories in review, unpublished and scheduled stories, killed stories' bodies, editorial notes
// and unpublishing reasons, and in profiles that only hidden stories use).
import { beforeAll, describe, expect, it } from 'vitest'
import { rebuildStore } from '../../src/content/publisher'
import { testContext } from '../helpers/context'
import { ask, FUTURE, isShown, makeWorld, NOT_YET, SECRET, specs, type Made } from './world'

const { context, reset } = await testContext()
let made: Record<string, Made>
const answers: string[] = []
async function read(query: string, variables?: Record<string, unknown>, now?: Date) {
  const result = await ask(context, query, variables, now)
  expect(result.errors).toBeUndefined()
  answers.push(result.text)
  return result
}

beforeAll(async () => {
  await reset()
  ;({ made } = await makeWorld(context))
  const { data } = await ask(
    context,
    `query($s: String!) { story(slug: $s) { authors { slug } } }`,
    {
      s: made.published!.slug,
    }
  )
  const slug = (data!.story as { authors: { slug: string }[] }).authors[0]!.slug
  reporterSlug = () => slug
}, 240_000)

const STORY = `query($slug: String!) { story(slug: $slug) {
  id slug url status headline publishedAt modifiedAt killNotice killedAt summary
  body { document html } language dateline datelinePlace { slug } storyDate publicationNote
  sourceCredit copyrightNotice copyrightHolder { slug } originalUrl
  authors { slug name } editors { slug } people { slug name } organizations { slug }
  sources { slug } places { slug name } tags { slug name }
  relatedLinks { label url placement afterParagraph position target { slug headline status } }
  corrections { kind note createdAt }
} }`

const LIST = `query($first: Int, $after: String, $filter: StoryFilter) {
  stories(first: $first, after: $after, filter: $filter) {
    edges { cursor node { slug headline summary body { html } people { name } } }
    pageInfo { hasNextPage endCursor }
  } }`

let reporterSlug = () => ''
const slugsOf = (data: any) => data.stories.edges.map((e: any) => e.node.slug) // eslint-disable-line @typescript-eslint/no-explicit-any

describe('each story by slug', () => {
  it.each(specs.map(s => s.name))('%s', async name => {
    const spec = made[name]!
    const { data } = await read(STORY, { slug: spec.slug })
    const story = data!.story as Record<string, any> | null // eslint-disable-line @typescript-eslint/no-explicit-any
    if (spec.expect === 'nothing' || spec.expect === 'scheduled') {
      expect(story).toBeNull()
      return
    }
    if (spec.expect === 'notice') {
      expect(story).toMatchObject({
        id: spec.id,
        slug: spec.slug,
        status: 'KILLED',
        killNotice: 'Alasan redaksi (publik)',
        summary: null,
        body: null,
        authors: null,
        people: null,
        tags: null,
        relatedLinks: null,
        corrections: null,
      })
      expect(story!.killedAt).toEqual(expect.any(String))
      return
    }
    expect(story).toMatchObject({
      id: spec.id,
      slug: spec.slug,
      status: 'PUBLISHED',
      headline: spec.headline,
      killNotice: null,
      summary: `Ringkasan ${name}`,
      url: `http://localhost:3000/${spec.slug}`,
      authors: [{ slug: expect.any(String), name: 'Reporter A' }],
      tags: [{ slug: spec.tagSlug, name: `Tag ${name}` }],
    })
    expect(story!.body.html).toBe(
      `<p>Isi ${name}</p>\n<p><strong>Paragraf &lt;dua&gt; &amp; &quot;kutipan&quot;</strong></p>\n`
    )
    expect(story!.body.document[0].children[0].text).toBe(`Isi ${name}`)
    expect(Date.parse(story!.modifiedAt)).toBeGreaterThanOrEqual(Date.parse(story!.publishedAt))
    if (name === 'editedCorrected') {
      // A correction goes live at once (a public notice), the working copy's edit does not.
      expect(story!.corrections).toHaveLength(1)
      expect(Date.parse(story!.modifiedAt)).toBeGreaterThanOrEqual(
        Date.parse(story!.corrections[0].createdAt)
      )
    } else if (name === 'corrected') {
      expect(story!.corrections).toHaveLength(2)
      const [a, b] = story!.corrections
      expect(Date.parse(a.createdAt)).toBeLessThanOrEqual(Date.parse(b.createdAt))
      expect(Date.parse(story!.modifiedAt)).toBeGreaterThanOrEqual(Date.parse(b.createdAt))
    } else expect(story!.corrections).toEqual([])
    if (name === 'renamed') {
      expect(story!.people).toEqual([{ slug: spec.personSlug, name: 'Tokoh baru renamed' }])
    }
    if (name === 'linking') {
      // Only links to stories a reader may open resolve; the rest keep their label alone.
      const targets = Object.fromEntries(
        story!.relatedLinks.map((l: any) => [l.label, l.target]) // eslint-disable-line @typescript-eslint/no-explicit-any
      )
      for (const target of spec.linksTo!) {
        expect(targets[`Baca juga ${target}`]).toEqual(
          isShown(made[target]!)
            ? { slug: made[target]!.slug, headline: made[target]!.headline, status: 'PUBLISHED' }
            : null
        )
      }
    }
  })
})

it('a story page asking only for card fields answers as the full page', async () => {
  const small = `query($slug: String!) { story(slug: $slug) {
    id slug status headline killNotice summary authors { slug } tags { slug } } }`
  for (const spec of specs) {
    const slug = made[spec.name]!.slug
    const full = (await read(STORY, { slug })).data!.story as Record<string, unknown> | null
    const { data } = await read(small, { slug })
    const expected =
      full &&
      Object.fromEntries(
        ['id', 'slug', 'status', 'headline', 'killNotice', 'summary', 'authors', 'tags'].map(k => [
          k,
          k === 'authors' || k === 'tags'
            ? ((full[k] as { slug: string }[] | null)?.map(({ slug }) => ({ slug })) ?? null)
            : full[k],
        ])
      )
    expect(data!.story).toEqual(expected)
  }
})

describe('listings', () => {
  const shown = () => specs.filter(s => isShown(s)).map(s => made[s.name]!.slug)

  it('stories: exactly the published, due stories, newest first', async () => {
    const { data } = await read(LIST, { first: 100 })
    expect(new Set(slugsOf(data))).toEqual(new Set(shown()))
    const times = (data!.stories as any).edges.map((e: any) => e.node.slug) // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(times).toHaveLength(shown().length)
  })

  it('a listing answers every Story field exactly as the story page does', async () => {
    const fields = STORY.slice(
      STORY.indexOf('{', STORY.indexOf('story(')) + 1,
      STORY.lastIndexOf('}') - 2
    )
    const { data } = await read(`{ stories(first: 100) { nodes { ${fields} } } }`)
    const nodes = (data!.stories as { nodes: { slug: string }[] }).nodes
    expect(nodes.length).toBeGreaterThan(3)
    for (const node of nodes) {
      const { data: page } = await read(STORY, { slug: node.slug })
      expect(node).toEqual(page!.story)
    }
  })

  it('pages by cursor give the same sequence, then stop', async () => {
    const { data: all } = await read(LIST, { first: 100 })
    const walked: string[] = []
    let after: string | null = null
    for (let page = 0; page < 20; page++) {
      const { data } = await read(LIST, { first: 2, after })
      const stories = data!.stories as any // eslint-disable-line @typescript-eslint/no-explicit-any
      walked.push(...slugsOf(data))
      if (!stories.pageInfo.hasNextPage) break
      after = stories.pageInfo.endCursor
    }
    expect(walked).toEqual(slugsOf(all))
  })

  it('each profile filter finds its story exactly when the story is shown', async () => {
    for (const spec of specs) {
      const m = made[spec.name]!
      for (const filter of [{ tag: m.tagSlug }, { place: m.placeSlug }, { person: m.personSlug }]) {
        const { data } = await read(LIST, { first: 100, filter })
        expect(slugsOf(data)).toEqual(isShown(spec) ? [m.slug] : [])
      }
      // Combined filters, language and time bounds narrow, never widen.
      const { data } = await read(LIST, {
        first: 100,
        filter: { tag: m.tagSlug, place: m.placeSlug, language: 'id', publishedBefore: FUTURE },
      })
      expect(slugsOf(data)).toEqual(isShown(spec) ? [m.slug] : [])
    }
    const { data } = await read(LIST, { first: 100, filter: { language: 'en' } })
    expect(slugsOf(data)).toEqual([])
    // Bylines: the reporter wrote every story; a person only mentioned wrote none.
    const { data: byline } = await read(LIST, { first: 100, filter: { author: reporterSlug() } })
    expect(new Set(slugsOf(byline))).toEqual(new Set(shown()))
    const { data: mentioned } = await read(LIST, {
      first: 100,
      filter: { author: made.published!.personSlug },
    })
    expect(slugsOf(mentioned)).toEqual([])
  })

  it('profiles by slug exist only while a shown story uses them', async () => {
    for (const spec of specs) {
      const m = made[spec.name]!
      const { data } = await read(
        `query($t: String!, $p: String!, $x: String!) {
          tag(slug: $t) { name stories { nodes { slug } } }
          place(slug: $p) { name stories { nodes { slug } } }
          person(slug: $x) { name stories(first: 5) { nodes { slug } } } }`,
        { t: m.tagSlug, p: m.placeSlug, x: m.personSlug }
      )
      if (!isShown(spec)) expect(data).toEqual({ tag: null, place: null, person: null })
      else {
        expect((data!.tag as any).stories.nodes).toEqual([{ slug: m.slug }]) // eslint-disable-line @typescript-eslint/no-explicit-any
        expect((data!.person as any).stories.nodes).toEqual([{ slug: m.slug }]) // eslint-disable-line @typescript-eslint/no-explicit-any
      }
    }
  })

  it("a person's byline page lists what they wrote, not where they are named", async () => {
    const query = `query($x: String!) { person(slug: $x) {
      all: stories(first: 100) { nodes { slug } }
      wrote: stories(first: 100, role: AUTHOR) { nodes { slug } } } }`
    const { data } = await read(query, { x: reporterSlug() })
    const person = data!.person as any // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(
      new Set(
        slugsOf({ stories: { edges: person.wrote.nodes.map((node: unknown) => ({ node })) } })
      )
    ).toEqual(new Set(shown()))
    const { data: named } = await read(query, { x: made.published!.personSlug })
    expect((named!.person as any).all.nodes).toEqual([{ slug: made.published!.slug }]) // eslint-disable-line @typescript-eslint/no-explicit-any
    expect((named!.person as any).wrote.nodes).toEqual([]) // eslint-disable-line @typescript-eslint/no-explicit-any
  })

  it('scheduled stories are stored but served only from their time, with no job running', async () => {
    const later = new Date(Date.parse(FUTURE) + 1000)
    const scheduled = made.scheduled!
    expect((await read(STORY, { slug: scheduled.slug })).data!.story).toBeNull()
    const { data } = await ask(context, STORY, { slug: scheduled.slug }, later)
    expect(data!.story).toMatchObject({ status: 'PUBLISHED', slug: scheduled.slug })
    const { data: listed } = await ask(context, LIST, { first: 100 }, later)
    expect(slugsOf(listed)).toContain(scheduled.slug)
    expect(slugsOf(listed)[0]).toBe(scheduled.slug) // the newest
    const { data: tag } = await ask(
      context,
      `query($t: String!) { tag(slug: $t) { name } }`,
      { t: scheduled.tagSlug },
      later
    )
    expect(tag!.tag).not.toBeNull()
    // A story scheduled and killed before its time was never public: no notice, even then.
    const { data: killed } = await ask(context, STORY, { slug: made.killedScheduled!.slug }, later)
    expect(killed!.story).toBeNull()
  })
})

describe('no unpublished byte', () => {
  it('is in any answer above, nor stored at all (scheduled stories aside)', async () => {
    expect(answers.length).toBeGreaterThan(50)
    for (const text of answers) {
      expect(text).not.toContain(SECRET)
      expect(text).not.toContain(NOT_YET)
    }
    const rows = await context.prisma.$queryRawUnsafe<{ data: string }[]>(
      'SELECT "data" FROM "ContentStory" UNION ALL SELECT "card" FROM "ContentStory" ' +
        'UNION ALL SELECT "data" FROM "ContentProfile"'
    )
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row.data).not.toContain(SECRET)
  })
})

describe('content:rebuild', () => {
  it('rebuilds exactly the store the workflow wrote', async () => {
    const dump = async () =>
      context.prisma.$queryRawUnsafe<Record<string, unknown>[]>(
        `SELECT 'story' AS "t", "articleId" AS "k", "slug" AS "s", "state" AS "x", "data" || "card" AS "data" FROM "ContentStory"
         UNION ALL SELECT 'ref', "storyId", "kind", "profileId", '' FROM "ContentStoryRef"
         UNION ALL SELECT 'profile', "kind", "id", "slug", "data" FROM "ContentProfile"
         ORDER BY 1, 2, 3, 4`
      )
    const before = await dump()
    await context.prisma.$executeRawUnsafe('DELETE FROM "ContentStory"')
    expect(await rebuildStore(context.prisma)).toBe(
      specs.filter(s => s.expect !== 'nothing').length
    )
    expect(await dump()).toEqual(before)
  })
})
