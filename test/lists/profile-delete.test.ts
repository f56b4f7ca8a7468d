// Deleting a profile never rewrites stories silently (src/lists/profile-delete.ts): a staff
// account's byline and a story's last author refuse the delete, and the stories a profile is
// taken off (drafts, in review, unpublished) move their version and updatedAt in the same write.
import { beforeAll, describe, expect, it } from 'vitest'
import { testContext } from '../helpers/context'
import { articleByA, contextFor, createStaff, type Actor, type Staff } from '../access/fixtures'

const { context, reset } = await testContext()
let staff: Staff

beforeAll(async () => {
  await reset()
  staff = await createStaff(context)
})

async function deleteAs(actor: Actor, list: string, id: string) {
  const { errors } = await contextFor(context, staff, actor).graphql.raw({
    query: `mutation ($id: ID!) { delete${list}(where: { id: $id }) { id } }`,
    variables: { id },
  })
  return errors ?? []
}

const story = async (id: string) => (await context.prisma.article.findUnique({ where: { id } }))!
const tick = () => new Promise(resolve => setTimeout(resolve, 5))
const fieldOf = { Person: 'people', Organization: 'organizations', Place: 'places', Tag: 'tags' }

describe('profiles that may not go', () => {
  it.each(['editor', 'admin'] as const)(
    '%s cannot delete a staff account\u2019s byline',
    async actor => {
      const draft = await articleByA(context, staff, 'draft')
      const before = await story(draft)
      const errors = await deleteAs(actor, 'Person', staff.reporterA.personId!)
      expect(errors[0]?.message).toMatch(/byline of a staff account/)
      const user = await context.prisma.user.findUnique({
        where: { id: staff.reporterA.userId },
        include: { person: true },
      })
      expect(user!.person?.id).toBe(staff.reporterA.personId)
      const after = await context.sudo().query.Article.findOne({
        where: { id: draft },
        query: 'version authors { id }',
      })
      expect(after).toEqual({
        version: before.version,
        authors: [{ id: staff.reporterA.personId }],
      })
    }
  )

  it.each(['draft', 'in_review', 'unpublished'] as const)(
    'the only author of a %s story cannot be deleted: a story keeps a byline',
    async status => {
      const person = await context.sudo().db.Person.createOne({ data: { name: 'Penulis Lepas' } })
      const id = await articleByA(context, staff, status)
      await context.prisma.article.update({
        where: { id },
        data: { authors: { set: [{ id: String(person.id) }] } },
      })
      const before = await story(id)
      const errors = await deleteAs('editor', 'Person', String(person.id))
      expect(errors[0]?.message).toMatch(/only author of a story/)
      expect(await context.sudo().db.Person.findOne({ where: { id: String(person.id) } })).not.toBe(
        null
      )
      expect((await story(id)).version).toBe(before.version)
    }
  )
})

describe('a deleted profile is taken off its stories, which change', () => {
  it.each(
    (['Person', 'Organization', 'Place', 'Tag'] as const).flatMap(list =>
      (['draft', 'in_review', 'unpublished'] as const).map(status => [list, status] as const)
    )
  )('deleting a %s used by a %s story moves its version and updatedAt', async (list, status) => {
    const db = context.sudo().db as any // eslint-disable-line @typescript-eslint/no-explicit-any
    const profile = await db[list].createOne({ data: { name: `${list} ${Math.random()}` } })
    const id = await articleByA(context, staff, status)
    const extra = list === 'Person' ? { authors: { connect: [{ id: String(profile.id) }] } } : {}
    await context.prisma.article.update({
      where: { id },
      data: { [fieldOf[list]]: { connect: [{ id: String(profile.id) }] }, ...extra },
    })
    const before = await story(id)
    await tick()
    expect(await deleteAs('editor', list, String(profile.id))).toEqual([])
    const after = await story(id)
    expect(after.version).toBe(before.version + 1)
    expect(after.updatedAt!.getTime()).toBeGreaterThan(before.updatedAt!.getTime())
  })
})
