// src/errors.ts: a plain Error whose words reach the client is a refusal of the request, coded
// BAD_USER_INPUT, not INTERNAL_SERVER_ERROR; only an error hidden from the client keeps that code.
import { GraphQLError } from 'graphql'
import { afterEach, expect, it, vi } from 'vitest'
import { formatError } from '../../src/errors'

const log = vi.spyOn(console, 'error').mockImplementation(() => {})
afterEach(() => log.mockClear())

const format = (original: Error) => {
  const error = new GraphQLError(original.message, { path: ['x'], originalError: original })
  const formatted = { ...error.toJSON(), extensions: { code: 'INTERNAL_SERVER_ERROR' } }
  return formatError(true)(formatted, error)
}

it('a newsroom message thrown as a plain Error is BAD_USER_INPUT', () => {
  const answer = format(new Error('publishedAt is not a valid date and time'))
  expect(answer).toMatchObject({
    message: 'publishedAt is not a valid date and time',
    extensions: { code: 'BAD_USER_INPUT' },
  })
})

it('a programming error stays INTERNAL_SERVER_ERROR, and hidden', () => {
  const answer = format(new TypeError("Cannot read properties of undefined (reading 'map')"))
  expect(answer).toMatchObject({
    message: 'Internal server error',
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  })
})
