// src/graphql/read-errors.ts: a database error in a read is told as a read, never as "the
// database refused this change".
import { afterEach, expect, it, vi } from 'vitest'
import { Prisma } from '../../generated/prisma/client'
import { readError } from '../../src/graphql/read-errors'
import { graphqlRuntime } from '../../src/graphql/runtime'

const log = vi.spyOn(console, 'error').mockImplementation(() => {})
afterEach(() => log.mockClear())

const validation = () =>
  new Prisma.PrismaClientValidationError('Invalid `prisma.article.findMany()` invocation', {
    clientVersion: '7',
  })
const asKeystoneWraps = (original: Error) =>
  new graphqlRuntime.GraphQLError('Prisma error', {
    extensions: { code: 'KS_PRISMA_ERROR' },
    originalError: original,
  })

it.each([
  ['as thrown', validation()],
  ['wrapped by Keystone', asKeystoneWraps(validation())],
])('an input Prisma cannot run (%s) is BAD_USER_INPUT, 400, in words', (_, error) => {
  const told = readError(error) as InstanceType<typeof graphqlRuntime.GraphQLError>
  expect(told.extensions).toEqual({ code: 'BAD_USER_INPUT', http: { status: 400 } })
  expect(told.message).not.toMatch(/prisma|invocation|change|saved/i)
  expect(log).toHaveBeenCalledOnce()
})

it('any other database error in a read says nothing about a change', () => {
  const busy = new Prisma.PrismaClientKnownRequestError('Timed out', {
    code: 'P1008',
    clientVersion: '7',
  })
  const told = readError(asKeystoneWraps(busy)) as Error & { extensions: { code: string } }
  expect(told.extensions.code).toBe('READ_FAILED')
  expect(told.message).not.toMatch(/refused this change|Nothing was saved|prisma/i)
})

it('errors that are not the database pass through', () => {
  const own = new Error('where.AND may not be null')
  expect(readError(own)).toBe(own)
})
