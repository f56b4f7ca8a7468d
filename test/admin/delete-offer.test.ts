// The Admin UI offers Delete only where the server would delete: the per-item Delete draft and
// Delete link actions (src/lists/delete-action.ts), checked for every actor × article status
// against what the delete mutation itself does.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Context } from '../../generated/keystone/types'
import { testContext } from '../helpers/context'
import {
  actors,
  articleByA,
  contextFor,
  createStaff,
  statuses,
  type Actor,
  type Staff,
} from '../access/fixtures'

const META = `query ($listKey: String!, $id: ID!) {
  keystone { adminMeta { list(key: $listKey, itemId: $id) {
    hideDelete actions { key itemView { actionMode } } } } } }`

/** What the item page shows: whether the list's Delete button or the delete action appears. */
async function offersDelete(context: Context, listKey: string, id: string, actionKey: string) {
  const { data, errors } = await context.graphql.raw({ query: META, variables: { listKey, id } })
  expect(errors).toBeUndefined()
  const list = (data as any).keystone.adminMeta.list
  expect(list.hideDelete).toBe(true)
  const mode = list.actions.find((a: { key: string }) => a.key === actionKey)?.itemView.actionMode
  return mode === 'enabled'
}

/** Whether the server deletes it (the outcome the screen must predict). */
async function serverDeletes(context: Context, listKey: string, id: string) {
  try {
    const deleted = await (context.db as any)[listKey].deleteOne({ where: { id } })
    return Boolean(deleted)
  } catch {
    return false
  }
}

let context: Context
let staff: Staff
beforeAll(async () => {
  const test = await testContext()
  context = test.context
  await test.reset()
  staff = await createStaff(context)
})

describe.each(actors.filter(a => a !== 'anonymous'))('%s', actor => {
  it.each(statuses)(
    'is offered Delete draft on a %s story exactly when the server deletes it',
    async status => {
      const id = await articleByA(context, staff, status)
      const as = contextFor(context, staff, actor as Actor)
      const offered = await offersDelete(as, 'Article', id, 'deleteDraft')
      expect(await serverDeletes(as, 'Article', id)).toBe(offered)
      // Only never-published drafts are ever deletable; a published story never offers it.
      if (status !== 'draft') expect(offered).toBe(false)
    }
  )

  it.each(statuses)(
    'is offered Delete link on a %s story’s link exactly when the server deletes it',
    async status => {
      const articleId = await articleByA(context, staff, status)
      const link = await context.sudo().db.RelatedLink.createOne({
        data: { label: 'Baca juga', article: { connect: { id: articleId } } },
      })
      const as = contextFor(context, staff, actor as Actor)
      const offered = await offersDelete(as, 'RelatedLink', String(link.id), 'remove')
      expect(await serverDeletes(as, 'RelatedLink', String(link.id))).toBe(offered)
    }
  )
})

const profileLists = ['Person', 'Organization', 'Place', 'Tag'] as const
const articleField = { Person: 'people', Organization: 'sources', Place: 'places', Tag: 'tags' }

/** A profile of `list`, used by a story in `status` (or by none). */
async function profileUsedBy(list: (typeof profileLists)[number], status: string | null) {
  const db = context.sudo().db as any
  const profile = await db[list].createOne({ data: { name: `${list} ${Math.random()}` } })
  if (status) {
    const article = await articleByA(context, staff, status as any)
    // Raw Prisma: the fixture needs the link, not a versioned edit.
    await (context.prisma.article.update as any)({
      where: { id: article },
      data: { [articleField[list]]: { connect: [{ id: profile.id }] } },
    })
  }
  return String(profile.id)
}

describe.each(actors.filter(a => a !== 'anonymous'))('%s on profiles', actor => {
  describe.each(profileLists)('%s', list => {
    it.each([null, ...statuses])(
      'used by a %s story: Delete is offered exactly when the server deletes it',
      async status => {
        const id = await profileUsedBy(list, status)
        const as = contextFor(context, staff, actor as Actor)
        const offered = await offersDelete(as, list, id, 'remove')
        expect(await serverDeletes(as, list as any, id)).toBe(offered)
        if (status === 'published' || status === 'killed') expect(offered).toBe(false)
      }
    )
  })
})

describe.each(['editor', 'admin'] as const)('%s on a Person the server keeps', actor => {
  it.each(['a staff account\u2019s byline', 'the only author of a draft'])(
    'is not offered Delete on %s, and the server refuses it',
    async which => {
      const db = context.sudo().db
      const person = await db.Person.createOne({ data: { name: `Orang ${Math.random()}` } })
      const id = String(person.id)
      if (which.startsWith('a staff')) {
        await db.User.createOne({
          data: {
            name: 'Staf',
            email: `staf-${Math.random().toString(36).slice(2)}@warta.test`,
            password: 'a-long-test-password',
            role: 'reporter',
            person: { connect: { id } },
          },
        })
      } else {
        const article = await articleByA(context, staff, 'draft')
        await context.prisma.article.update({
          where: { id: article },
          data: { authors: { set: [{ id }] } },
        })
      }
      const as = contextFor(context, staff, actor)
      expect(await offersDelete(as, 'Person', id, 'remove')).toBe(false)
      expect(await serverDeletes(as, 'Person', id)).toBe(false)
    }
  )
})
