// A refused write writes nothing: nested creates run in their parent's transaction, a stale
// save creates none of its nested items, and a many-item mutation is all or nothing.
import { beforeAll, describe, expect, it } from 'vitest'
import { articleByA, contextFor, createStaff, type Staff } from '../access/fixtures'
import { testContext } from '../helpers/context'
import { census, expectRefused, gql, INTERNAL } from './writes'

const { context, reset } = await testContext()
let staff: Staff
const as = (actor: 'reporterA' | 'editor' | 'admin') => contextFor(context, staff, actor)

beforeAll(async () => {
  await reset()
  staff = await createStaff(context)
})

describe('a refused parent keeps none of its nested creates', () => {
  it.each([
    ['datelinePlace', '{ create: { name: "Cianjur" } }'],
    ['authors', '{ create: [{ name: "Pewarta Baru" }] }'],
    ['editors', '{ create: [{ name: "Redaktur Baru" }] }'],
    ['people', '{ create: [{ name: "X" }] }'],
    ['organizations', '{ create: [{ name: "BMKG" }] }'],
    ['sources', '{ create: [{ name: "Kyodo" }] }'],
    ['places', '{ create: [{ name: "Bogor" }] }'],
    ['tags', '{ create: [{ name: "Banjir" }] }'],
    ['relatedLinks', '{ create: [{ label: "Baca juga", url: "https://example.com/a" }] }'],
    ['copyrightHolder', '{ create: { name: "ANTARA" } }'],
  ])('createArticle with an empty headline and %s: { create }', async (field, input) => {
    await expectRefused(context, () =>
      gql(
        as('editor'),
        `mutation { createArticle(data: { headline: "", ${field}: ${input} }) { id } }`
      )
    )
  })

  it('a nested create that fails takes its created siblings with it', async () => {
    await expectRefused(context, () =>
      gql(
        as('editor'),
        `mutation { createArticle(data: {
          headline: "Banjir bandang", people: { create: [{ name: "Saksi" }, { name: "" }] }
        }) { id } }`
      )
    )
  })

  it.each([
    ['createPerson', '{ name: "", affiliations: { create: [{ name: "Basarnas" }] } }'],
    ['createOrganization', '{ name: "", members: { create: [{ name: "Anggota" }] } }'],
    ['createPlace', '{ name: "", children: { create: [{ name: "Desa Sukamaju" }] } }'],
    ['createRelatedLink', '{ label: "", article: { create: { headline: "Anak berita" } } }'],
    ['createTag', '{ name: "", articles: { create: [{ headline: "Berita bertag" }] } }'],
    [
      'createPerson',
      '{ name: "Saksi", slug: "Bukan Slug", mentionedIn: { create: [{ headline: "Kisah" }] } }',
    ],
  ])('%s(data: %s)', async (mutation, data) => {
    await expectRefused(context, () =>
      gql(as('admin'), `mutation { ${mutation}(data: ${data}) { id } }`)
    )
  })

  it('an update refused by validation keeps none of its nested creates', async () => {
    const person = await context.sudo().db.Person.createOne({ data: { name: 'Narasumber' } })
    await expectRefused(context, () =>
      gql(
        as('editor'),
        `mutation($id: ID!) { updatePerson(where: { id: $id }, data: {
          name: "", affiliations: { create: [{ name: "PMI" }] }
        }) { id } }`,
        { id: person.id }
      )
    )
  })
})

describe('a stale save creates nothing', () => {
  it.each([
    ['tags', '{ create: [{ name: "Banjir" }] }'],
    ['people', '{ create: [{ name: "Korban" }] }'],
    ['datelinePlace', '{ create: { name: "Garut" } }'],
    ['relatedLinks', '{ create: [{ label: "Baca juga", url: "https://example.com/b" }] }'],
  ])('updateArticle from an old version with %s: { create }', async (field, input) => {
    const id = await articleByA(context, staff, 'draft')
    const save = (version: number, extra = '') =>
      gql(
        as('reporterA'),
        `mutation($id: ID!, $v: Int!) { updateArticle(where: { id: $id },
          data: { version: $v, summary: "Ringkasan" ${extra} }) { version } }`,
        { id, v: version }
      )
    expect((await save(1)).errors).toBeUndefined()
    const message = await expectRefused(context, () => save(1, `, ${field}: ${input}`))
    expect(message).toMatch(/changed by .* Nothing was saved/)
  })
})

describe('many-item mutations are all or nothing', () => {
  it('createTags with two alike names makes both, the second slug numbered', async () => {
    const { data, errors } = await gql(
      as('editor'),
      `mutation { createTags(data: [{ name: "Banjir Rob" }, { name: "Banjir Rob" }]) { slug } }`
    )
    expect(errors).toBeUndefined()
    expect(data!.createTags).toEqual([{ slug: 'banjir-rob' }, { slug: 'banjir-rob-2' }])
  })

  it('createTags with one bad item creates none', async () => {
    await expectRefused(context, () =>
      gql(as('editor'), `mutation { createTags(data: [{ name: "Gempa" }, { name: "" }]) { id } }`)
    )
  })

  it("the error is at the failing item's path, and the mutation answers null", async () => {
    const { data, errors } = (await gql(
      as('editor'),
      `mutation { createTags(data: [{ name: "Longsor" }, { name: "" }, { name: "Angin" }]) { id } }`
    )) as unknown as { data: { createTags: unknown }; errors: { path: unknown[] }[] }
    expect(data.createTags).toBeNull()
    expect(errors.map(e => e.path)).toEqual([['createTags', 1]])
  })

  it('createTags giving one slug twice creates none, in plain words', async () => {
    await expectRefused(
      context,
      () =>
        gql(
          as('editor'),
          `mutation { createTags(data: [{ name: "A", slug: "kembar" }, { name: "B", slug: "kembar" }]) { id } }`
        ),
      /"kembar" is already used by another Tag|already exists/
    )
  })

  it('createArticles: a bad second story takes the first and its nested tag with it', async () => {
    await expectRefused(context, () =>
      gql(
        as('editor'),
        `mutation { createArticles(data: [
          { headline: "Pertama", tags: { create: [{ name: "Satu" }] } }, { headline: "" }
        ]) { id } }`
      )
    )
  })

  it('updateTags: one bad item changes none', async () => {
    const db = context.sudo().db
    const [a, b] = await Promise.all([
      db.Tag.createOne({ data: { name: 'Politik' } }),
      db.Tag.createOne({ data: { name: 'Ekonomi' } }),
    ])
    await expectRefused(context, () =>
      gql(
        as('editor'),
        `mutation($a: ID!, $b: ID!) { updateTags(data: [
          { where: { id: $a }, data: { name: "Politik Baru" } },
          { where: { id: $b }, data: { slug: "Bukan Slug!" } }
        ]) { id } }`,
        { a: a.id, b: b.id }
      )
    )
    expect((await db.Tag.findOne({ where: { id: a.id } }))!.name).toBe('Politik')
  })

  it('deleteTags: one missing item deletes none', async () => {
    const tag = await context.sudo().db.Tag.createOne({ data: { name: 'Hapus Saya' } })
    await expectRefused(context, () =>
      gql(
        as('admin'),
        `mutation($id: ID!) { deleteTags(where: [{ id: $id }, { id: "tidak-ada" }]) { id } }`,
        { id: tag.id }
      )
    )
  })

  it('updateArticles: one stale item saves none', async () => {
    const [a, b] = [
      await articleByA(context, staff, 'draft'),
      await articleByA(context, staff, 'draft'),
    ]
    await expectRefused(
      context,
      () =>
        gql(
          as('reporterA'),
          `mutation($a: ID!, $b: ID!) { updateArticles(data: [
          { where: { id: $a }, data: { version: 1, summary: "Baru" } },
          { where: { id: $b }, data: { version: 7, summary: "Basi" } }
        ]) { id } }`,
          { a, b }
        ),
      /Nothing was saved/
    )
  })

  it('submitArticles: one stale item moves none', async () => {
    const [a, b] = [
      await articleByA(context, staff, 'draft'),
      await articleByA(context, staff, 'draft'),
    ]
    await expectRefused(context, () =>
      gql(
        as('reporterA'),
        `mutation($a: ID!, $b: ID!) { submitArticles(data: [
          { where: { id: $a }, version: 1 }, { where: { id: $b }, version: 5 }
        ]) { id } }`,
        { a, b }
      )
    )
  })
})

describe('a database conflict is told in plain words', () => {
  it('concurrent createTag with one slug: one is made, the others are refused clearly', async () => {
    const before = (await census(context)).counts.Tag!
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        gql(
          as('editor'),
          `mutation { createTag(data: { name: "Serentak ${i}", slug: "serentak" }) { id } }`
        )
      )
    )
    const refused = answers.filter(a => a.errors)
    expect(answers.length - refused.length).toBe(1)
    for (const answer of refused) {
      expect(answer.errors![0]!.message).toMatch(/already (used|exists)/)
      expect(answer.errors![0]!.message).not.toMatch(INTERNAL)
    }
    expect((await census(context)).counts.Tag).toBe(before + 1)
  })
})

describe("a script's own transaction", () => {
  it('joins the writes made in it, side by side, and takes them back on rollback', async () => {
    const tags = async () => (await census(context)).counts.Tag!
    const before = await tags()
    await context.sudo().transaction(async tx => {
      await Promise.all(
        ['Satu', 'Dua', 'Tiga'].map(name => tx.db.Tag.createOne({ data: { name } }))
      )
    })
    expect(await tags()).toBe(before + 3)
    const failed = context.sudo().transaction(async tx => {
      await Promise.all(['Empat', 'Lima'].map(name => tx.db.Tag.createOne({ data: { name } })))
      throw new Error('the script gives up')
    })
    await expect(failed).rejects.toThrow('the script gives up')
    expect(await tags()).toBe(before + 3)
  })
})
