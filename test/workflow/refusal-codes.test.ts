// Refusals of the list actions are the caller's problem and say so in their code (src/refusals.ts):
// FORBIDDEN, NOT_FOUND, BAD_USER_INPUT, STALE_VERSION, never INTERNAL_SERVER_ERROR; and they
// change nothing.
import { beforeAll, expect, it } from 'vitest'
import type { Context } from '../../generated/keystone/types'
import { articleByA, contextFor, createStaff, type Staff } from '../access/fixtures'
import { testContext } from '../helpers/context'
import { act } from './act'

const { context, reset } = await testContext()
let staff: Staff
beforeAll(async () => {
  await reset()
  staff = await createStaff(context)
})

const version = async (id: string) =>
  (await context.sudo().db.Article.findOne({ where: { id } }))!.version as number

async function refused(
  run: Promise<{ errors?: readonly { message: string; extensions?: object }[] }>
) {
  const { errors } = await run
  const error = errors?.[0]
  return { message: error?.message ?? '', code: (error?.extensions as { code?: string })?.code }
}

it('a stale version is STALE_VERSION', async () => {
  const id = await articleByA(context, staff, 'in_review')
  const result = await refused(act(contextFor(context, staff, 'editor'), 'publish', id, 7))
  expect(result).toEqual({
    message: expect.stringMatching(/This story was changed by/),
    code: 'STALE_VERSION',
  })
  expect(await version(id)).toBe(1)
})

it('an action the role may not take is FORBIDDEN', async () => {
  const id = await articleByA(context, staff, 'in_review')
  const result = await refused(act(contextFor(context, staff, 'reporterA'), 'publish', id, 1))
  expect(result).toEqual({
    message: expect.stringMatching(/You may not publish/),
    code: 'FORBIDDEN',
  })
})

it('an action the status does not allow is BAD_USER_INPUT', async () => {
  const id = await articleByA(context, staff, 'published')
  const result = await refused(act(contextFor(context, staff, 'editor'), 'submit', id, 1))
  expect(result).toEqual({
    message: expect.stringMatching(/Cannot submit a story that is published/),
    code: 'BAD_USER_INPUT',
  })
})

it('a story the person cannot see is NOT_FOUND', async () => {
  const id = await articleByA(context, staff, 'draft')
  const result = await refused(act(contextFor(context, staff, 'reporterB'), 'submit', id, 1))
  expect(result).toEqual({ message: 'No such story, or you may not see it', code: 'NOT_FOUND' })
})

it.each([
  ['a control character', 'bell \u0007 x'],
  ['2,001 characters', 'x'.repeat(2001)],
  ['only spaces', '   '],
])('a reason with %s is BAD_USER_INPUT', async (_, reason) => {
  const id = await articleByA(context, staff, 'published')
  const result = await refused(
    act(contextFor(context, staff, 'editor'), 'unpublish', id, 1, reason)
  )
  expect(result.code).toBe('BAD_USER_INPUT')
  expect(result.message).not.toMatch(/internal/i)
  expect(await version(id)).toBe(1)
})

it('a publication time on a story published before is BAD_USER_INPUT', async () => {
  const id = await articleByA(context, staff, 'in_review')
  await context.sudo().db.Article.updateOne({
    where: { id },
    data: { publishedAt: '2023-07-12T00:00:00.000Z', version: 1 },
  })
  const result = await refused(
    contextFor(context, staff, 'editor').graphql.raw({
      query: `mutation($id: ID!) { publishArticle(where: { id: $id }, version: 2, publishedAt: "2024-01-01T00:00:00.000Z") { id } }`,
      variables: { id },
    })
  )
  expect(result.code).toBe('BAD_USER_INPUT')
})

it.each([
  ['deleteDraftArticle', 'reporterB', 'draft'],
  ['deleteDraftArticle', 'editor', 'published'],
] as const)(
  '%s by %s on a %s story is refused with a client code',
  async (mutation, actor, status) => {
    const id = await articleByA(context, staff, status)
    const result = await refused(
      (contextFor(context, staff, actor) as Context).graphql.raw({
        query: `mutation($id: ID!) { ${mutation}(where: { id: $id }) { id } }`,
        variables: { id },
      })
    )
    expect(['FORBIDDEN', 'NOT_FOUND', 'KS_ACCESS_DENIED']).toContain(result.code)
    expect(await context.sudo().db.Article.count({ where: { id: { equals: id } } })).toBe(1)
  }
)

it('ending the sessions of no account is NOT_FOUND', async () => {
  const result = await refused(
    contextFor(context, staff, 'admin').graphql.raw({
      query: `mutation { endSessionsUser(where: { id: "nobody" }) { id } }`,
    })
  )
  expect(result.code).toBe('NOT_FOUND')
})
