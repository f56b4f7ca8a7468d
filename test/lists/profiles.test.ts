// Profiles a story in front of readers uses cannot be deleted; organizations and places form no
// cycles; profile slugs are readable ASCII for a name in any script. Through the GraphQL API as
// signed-in staff.
import { beforeAll, describe, expect, it } from 'vitest'
import { testContext } from '../helpers/context'
import { contextFor, createStaff, type Staff } from '../access/fixtures'
import { api, expectAccepted, expectRefused } from './api'

const { context, reset } = await testContext()
let staff: Staff
const editor = () => contextFor(context, staff, 'editor')
const db = () => context.sudo().db

beforeAll(async () => {
  await reset()
  staff = await createStaff(context)
})

let n = 0
type Profile = 'Person' | 'Organization' | 'Place' | 'Tag'
type AnyList = {
  createOne(a: object): Promise<{ id: unknown }>
  findOne(a: object): Promise<Record<string, unknown> | null>
}
const listOf = (key: Profile) => db()[key] as unknown as AnyList
const make = async (list: Profile) =>
  String((await listOf(list).createOne({ data: { name: `P ${++n}` } })).id)

async function story(status: string, field: string, id: string, at = '2023-07-12T00:00:00Z') {
  const one = field === 'copyrightHolder' || field === 'datelinePlace'
  const created = await db().Article.createOne({
    data: {
      headline: `Berita ${++n}`,
      status,
      publishedAt: status === 'draft' ? null : at,
      [field]: { connect: one ? { id } : [{ id }] },
    },
  })
  return { id: String(created.id), headline: String(created.headline) }
}

const count = (list: Profile) => (db()[list] as unknown as { count(): Promise<number> }).count()
const remove = (list: Profile, id: string) =>
  api(editor(), `mutation($id: ID!) { delete${list}(where: { id: $id }) { id } }`, { id })
const exists = async (list: Profile, id: string) =>
  (await listOf(list).findOne({ where: { id } })) !== null

describe('deleting a profile a story uses', () => {
  it.each([
    ['Person', 'authors'],
    ['Person', 'editors'],
    ['Person', 'people'],
    ['Organization', 'organizations'],
    ['Organization', 'sources'],
    ['Organization', 'copyrightHolder'],
    ['Place', 'places'],
    ['Place', 'datelinePlace'],
    ['Tag', 'tags'],
  ] as const)('%s used as %s by a published story is refused, naming it', async (list, field) => {
    const id = await make(list)
    const { headline } = await story('published', field, id)
    expectRefused(
      await remove(list, id),
      new RegExp(`This ${list.toLowerCase()} cannot be deleted: .*"${headline}"`)
    )
    expect(await exists(list, id)).toBe(true)
  })

  it('a published story’s only author stays, with a message naming the stories', async () => {
    const id = await make('Person')
    const stories = []
    for (let i = 0; i < 5; i++) stories.push(await story('published', 'authors', id))
    const result = await remove('Person', id)
    expectRefused(result, /5 published or killed stories use it \(".*", ".*", ".*" and 2 more\)/)
    const authors = await db().Person.count({
      where: { authored: { some: { id: { equals: stories[0]!.id } } } },
    })
    expect(authors).toBe(1)
  })

  it('scheduled and killed stories hold their profiles too', async () => {
    const scheduled = await make('Tag')
    await story('published', 'tags', scheduled, '2999-01-01T00:00:00Z')
    expectRefused(await remove('Tag', scheduled), /cannot be deleted/)
    const killed = await make('Person')
    await story('killed', 'authors', killed)
    expectRefused(await remove('Person', killed), /cannot be deleted/)
  })

  it('deleteMany is refused whole when one of them is in use (many-item mutations are all or nothing)', async () => {
    const used = await make('Tag')
    const free = await make('Tag')
    await story('published', 'tags', used)
    const result = await api(
      editor(),
      `mutation($a: ID!, $b: ID!) { deleteTags(where: [{ id: $a }, { id: $b }]) { id } }`,
      { a: used, b: free }
    )
    expectRefused(result, /cannot be deleted/)
    expect([await exists('Tag', used), await exists('Tag', free)]).toEqual([true, true])
  })

  it.each(['draft', 'in_review', 'unpublished'])('a %s story does not hold it', async status => {
    const id = await make('Person')
    // Mentioned, not its only author: a story keeps a byline (test/lists/profile-delete.test.ts).
    const { id: storyId } = await story(status, 'people', id)
    expectAccepted(await remove('Person', id))
    expect(await db().Article.findOne({ where: { id: storyId } })).not.toBeNull()
  })
})

describe('no organization or place is its own parent, member or ancestor', () => {
  const update = (list: 'Organization' | 'Place', id: string, data: Record<string, unknown>) =>
    api(
      editor(),
      `mutation($id: ID!, $data: ${list}UpdateInput!) { update${list}(where: { id: $id }, data: $data) { id } }`,
      { id, data }
    )
  const parentOf = async (list: 'Organization' | 'Place', id: string) =>
    (
      (await listOf(list).findOne({ where: { id } })) as {
        parentId: unknown
      }
    ).parentId

  it.each(['Organization', 'Place'] as const)('%s: itself as parent or child', async list => {
    const a = await make(list)
    expectRefused(
      await update(list, a, { parent: { connect: { id: a } } }),
      /cannot be its own parent/
    )
    expectRefused(
      await update(list, a, { children: { connect: [{ id: a }] } }),
      /cannot be its own child/
    )
    expect(await parentOf(list, a)).toBeNull()
  })

  it.each(['Organization', 'Place'] as const)(
    '%s: a cycle through the chain, from either side',
    async list => {
      const [a, b, c] = [await make(list), await make(list), await make(list)]
      expectAccepted(await update(list, b, { parent: { connect: { id: a } } }))
      expectAccepted(await update(list, c, { parent: { connect: { id: b } } }))
      expectRefused(
        await update(list, a, { parent: { connect: { id: c } } }),
        /cannot have one of its own descendants as parent/
      )
      expectRefused(
        await update(list, c, { children: { connect: [{ id: a }] } }),
        /cannot have one of its own ancestors as child/
      )
      expectRefused(await update(list, c, { children: { set: [{ id: b }] } }), /ancestors as child/)
      expect(await parentOf(list, a)).toBeNull()
      // Moving within the tree is fine.
      expectAccepted(await update(list, c, { parent: { connect: { id: a } } }))
    }
  )

  it.each(['Organization', 'Place'] as const)(
    '%s: a new item cannot close a cycle either',
    async list => {
      const [a, b] = [await make(list), await make(list)]
      expectAccepted(await update(list, b, { parent: { connect: { id: a } } }))
      const before = await count(list)
      const created = await api(
        editor(),
        `mutation($data: ${list}CreateInput!) { create${list}(data: $data) { id } }`,
        {
          data: {
            name: `Baru ${++n}`,
            parent: { connect: { id: b } },
            children: { connect: [{ id: a }] },
          },
        }
      )
      expectRefused(created, /ancestors as child/)
      expect(await count(list)).toBe(before)
      expect(await parentOf(list, a)).toBeNull()
    }
  )

  it('a new organization cannot close a membership cycle', async () => {
    const [a, b] = [await make('Organization'), await make('Organization')]
    expectAccepted(await update('Organization', a, { memberOf: { connect: [{ id: b }] } }))
    const created = await api(
      editor(),
      `mutation($data: OrganizationCreateInput!) { createOrganization(data: $data) { id } }`,
      {
        data: {
          name: `Baru ${++n}`,
          memberOf: { connect: [{ id: a }] },
          members: { connect: [{ id: b }] },
        },
      }
    )
    expectRefused(created, /member of/)
  })

  it('an organization is not a member of itself, even through others', async () => {
    const [a, b, c] = [
      await make('Organization'),
      await make('Organization'),
      await make('Organization'),
    ]
    expectRefused(
      await update('Organization', a, { memberOf: { connect: [{ id: a }] } }),
      /cannot be a member of itself/
    )
    expectRefused(
      await update('Organization', a, { members: { connect: [{ id: a }] } }),
      /cannot be a member of itself/
    )
    expectAccepted(await update('Organization', a, { memberOf: { connect: [{ id: b }] } }))
    expectAccepted(await update('Organization', b, { memberOf: { connect: [{ id: c }] } }))
    expectRefused(
      await update('Organization', c, { memberOf: { connect: [{ id: a }] } }),
      /its member/
    )
    expectRefused(
      await update('Organization', a, { members: { connect: [{ id: c }] } }),
      /member of/
    )
    const row = await context.sudo().query.Organization.findOne({
      where: { id: c },
      query: 'memberOf { id } members { id }',
    })
    expect(row).toEqual({ memberOf: [], members: [{ id: b }] })
  })
})

describe('slugs of profiles', () => {
  it.each([
    ['Place', 'Đà Nẵng', /^da-nang$/],
    ['Person', 'Владимир Зеленский', /^vladimir-zelenskiy$/],
    ['Organization', '共同通信社', /^[a-z0-9]+(-[a-z0-9]+)*$/],
    ['Place', 'القاهرة', /^[a-z0-9]+(-[a-z0-9]+)*$/],
    ['Tag', '🎉🎉', /^tag-[a-z0-9]{8}$/],
  ] as const)('%s %j gets a readable ASCII slug', async (list, name, slug) => {
    const result = await api(
      editor(),
      `mutation($name: String!) { create${list}(data: { name: $name }) { slug } }`,
      { name }
    )
    const data = expectAccepted(result)[`create${list}`] as { slug: string }
    expect(data.slug).toMatch(slug)
  })
})
