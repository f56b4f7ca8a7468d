// Issue 13 §3: the anonymous probes the staff API used to answer, ported to the Content API, the
// one public read path now: no unpublished byte is reachable by any query, filter, ordering,
// relation or cursor. Complements differential.test.ts (stories, tags, places, people) with
// organizations in every role a story gives them, forged cursors naming hidden stories, and
// time windows that try to reach scheduled ones.
import { beforeAll, describe, expect, it } from 'vitest'
import { encodeCursor } from '../../src/content/cursor'
import { testContext } from '../helpers/context'
import { ask, isShown, makeWorld, NOT_YET, SECRET, specs, type Made } from './world'

const { context, reset } = await testContext()
let made: Record<string, Made>
const answers: string[] = []
/** The organization slugs each story alone uses, by role. */
const orgs: Record<string, { mentioned: string; source: string; holder: string }> = {}

async function read(query: string, variables?: Record<string, unknown>) {
  const result = await ask(context, query, variables)
  expect(result.errors).toBeUndefined()
  answers.push(result.text)
  return result.data as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
}

const hidden = () => specs.filter(s => !isShown(s) && s.expect !== 'notice')
const shownSlugs = () => specs.filter(s => isShown(s)).map(s => made[s.name]!.slug)
/** A save of a published story stays in its working copy: only stories published after it show it. */
const orgsLive = (spec: (typeof specs)[number]) => isShown(spec) && !spec.steps.includes('edit')
const slugsOf = (connection: { nodes: { slug: string }[] }) => connection.nodes.map(n => n.slug)

beforeAll(async () => {
  await reset()
  const world = await makeWorld(context)
  made = world.made
  // Organizations each story alone uses, in each role; written around the workflow on purpose
  // (sudo, with the story's version), as any later save of a story would be. A shown story's
  // changes are then published, except the edited ones': theirs stay in the working copy, with
  // the organizations.
  const sudo = context.sudo()
  for (const spec of specs) {
    const m = made[spec.name]!
    const mark = isShown(spec) ? '' : ` ${spec.expect === 'scheduled' ? NOT_YET : SECRET}`
    const make = (role: string) =>
      sudo.db.Organization.createOne({ data: { name: `Badan ${role} ${spec.name}${mark}` } })
    const [mentioned, source, holder] = [await make('m'), await make('s'), await make('h')]
    const { version } = (await sudo.db.Article.findOne({ where: { id: m.id } }))!
    await sudo.db.Article.updateOne({
      where: { id: m.id },
      data: {
        version,
        organizations: { connect: [{ id: mentioned.id }] },
        sources: { connect: [{ id: source.id }] },
        copyrightHolder: { connect: { id: holder.id } },
      },
    })
    if (orgsLive(spec)) await world.action('publishChanges', m.id)
    orgs[spec.name] = {
      mentioned: String(mentioned.slug),
      source: String(source.slug),
      holder: String(holder.slug),
    }
  }
}, 240_000)

describe('organizations', () => {
  it('exist, list and filter only while a shown story uses them, in every role', async () => {
    for (const spec of specs) {
      for (const slug of Object.values(orgs[spec.name]!)) {
        const data = await read(
          `query($o: String!) { organization(slug: $o) { name stories(first: 100) { nodes { slug } } }
            stories(first: 100, filter: { organization: $o }) { nodes { slug } } }`,
          { o: slug }
        )
        if (!orgsLive(spec)) {
          expect(data.organization, `${spec.name} ${slug}`).toBeNull()
          expect(slugsOf(data.stories), `${spec.name} ${slug}`).toEqual([])
        } else {
          expect(slugsOf(data.organization.stories)).toEqual([made[spec.name]!.slug])
        }
      }
    }
  })

  it('a shown story names its own organizations, never a hidden story’s', async () => {
    const data = await read(
      `query($s: String!) { story(slug: $s) {
        organizations { slug } sources { slug } copyrightHolder { slug } } }`,
      { s: made.published!.slug }
    )
    expect(data.story).toEqual({
      organizations: [{ slug: orgs.published!.mentioned }],
      sources: [{ slug: orgs.published!.source }],
      copyrightHolder: { slug: orgs.published!.holder },
    })
  })
})

describe('cursors', () => {
  it('a cursor naming a hidden story pages only through shown ones, from any listing', async () => {
    const shown = new Set(shownSlugs())
    for (const spec of hidden()) {
      const story = (await context
        .sudo()
        .db.Article.findOne({ where: { id: made[spec.name]!.id } }))!
      for (const at of [story.publishedAt ?? new Date(), new Date(), new Date(0)]) {
        const after = encodeCursor({
          publishedAt: new Date(at).toISOString(),
          id: made[spec.name]!.id,
        })
        const data = await read(
          `query($after: String, $x: String!, $t: String!) {
            stories(first: 100, after: $after) { nodes { slug } }
            person(slug: $x) { stories(first: 100, after: $after) { nodes { slug } } }
            tag(slug: $t) { stories(first: 100, after: $after) { nodes { slug } } } }`,
          { after, x: made.published!.personSlug, t: made.published!.tagSlug }
        )
        for (const slug of slugsOf(data.stories)) expect(shown).toContain(slug)
        for (const slug of slugsOf(data.person.stories)) expect(slug).toBe(made.published!.slug)
        for (const slug of slugsOf(data.tag.stories)) expect(slug).toBe(made.published!.slug)
      }
    }
  })
})

describe('time windows', () => {
  it('reach no scheduled story, however wide, and never widen the published set', async () => {
    const data = await read(
      `{ wide: stories(first: 100, filter: { publishedAfter: "1970-01-01T00:00:00.000Z",
          publishedBefore: "9999-12-31T00:00:00.000Z" }) { nodes { slug } }
        future: stories(first: 100, filter: { publishedAfter: "${new Date().toISOString()}" }) {
          nodes { slug } } }`
    )
    expect(new Set(slugsOf(data.wide))).toEqual(new Set(shownSlugs()))
    expect(slugsOf(data.future)).toEqual([])
  })
})

describe('no unpublished byte', () => {
  it('is in any answer above', () => {
    expect(answers.length).toBeGreaterThan(50)
    for (const text of answers) {
      expect(text).not.toContain(SECRET)
      expect(text).not.toContain(NOT_YET)
    }
  })
})
