// Every status × action × actor through the real GraphQL mutations (submitArticle, …) on a
// real SQLite database: allowed ones move the story with the right stamps and exactly one audit
// row; refused ones fail with a clear error and change nothing.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Context } from '../../generated/keystone/types'
import { actionNames, statuses, transitions, type ActionName } from '../../src/workflow/transitions'
import {
  actors,
  articleByA,
  contextFor,
  createStaff,
  roleOf,
  type Actor,
  type Staff,
} from '../access/fixtures'
import { testContext } from '../helpers/context'
import { act } from './act'
import { expected } from './expected'

const { context, reset } = await testContext()
let staff: Staff
beforeAll(async () => {
  await reset()
  staff = await createStaff(context)
})

const snapshot = async (id: string) => ({
  article: await context.sudo().query.Article.findOne({
    where: { id },
    query: 'status version publishedAt unpublishedAt killedAt killReason publishedBy { id }',
  }),
  events: await context.sudo().query.ArticleEvent.findMany({
    where: { article: { id: { equals: id } } },
    query: 'action fromStatus toStatus note version actor { id }',
  }),
})

describe.each(statuses)('from %s', status => {
  it.each(actionNames.flatMap(name => actors.map(actor => [name, actor] as const)))(
    '%s by %s',
    async (name, actor) => {
      const id = await articleByA(context, staff, status)
      const before = await snapshot(id)
      const { data, errors } = await act(contextFor(context, staff, actor), name, id, 1)
      const to = expected(name, status, roleOf(actor), actor === 'reporterA')
      const after = await snapshot(id)

      if (!to) {
        expect(errors?.[0]?.message).toMatch(
          /may not|Cannot|No such story|Sign in|Access denied|needs unpublished changes/
        )
        expect(after).toEqual(before)
        return
      }
      expect(errors).toBeUndefined()
      expect(
        (data as Record<string, { status: string; version: number }>)[`${name}Article`]
      ).toEqual({
        id,
        status: to,
        version: 2,
      })
      expect(after.article.status).toBe(to)
      expect(after.events).toEqual([
        {
          action: name,
          fromStatus: status,
          toStatus: to,
          note: (transitions[name] as { requires?: string }).requires ? 'Alasan redaksi' : '',
          version: 2,
          actor: { id: staff[actor as Exclude<Actor, 'anonymous'>].userId },
        },
      ])
      // Stamps: publication time only on first publication; unpublish and kill stamped.
      if (name === 'publish' || name === 'republish') {
        expect(after.article.publishedBy).toEqual({ id: staff[actor as 'editor'].userId })
        if (before.article.publishedAt)
          expect(after.article.publishedAt).toBe(before.article.publishedAt)
        else expect(after.article.publishedAt).not.toBeNull()
      } else {
        expect(after.article.publishedAt).toBe(before.article.publishedAt)
      }
      expect(after.article.unpublishedAt !== null).toBe(name === 'unpublish')
      expect(after.article.killedAt !== null).toBe(name === 'kill')
      expect(after.article.killReason).toBe(name === 'kill' ? 'Alasan redaksi' : '')
    }
  )
})
