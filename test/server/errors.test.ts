// src/errors.ts: one log line per error; production hides programming errors' messages.
import { GraphQLError } from 'graphql'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { formatError } from '../../src/errors'

const failure = (original: Error) =>
  new GraphQLError(original.message, { path: ['publishArticle'], originalError: original })
const formatted = (error: GraphQLError) => ({
  ...error.toJSON(),
  extensions: { code: 'INTERNAL_SERVER_ERROR' },
})

describe('formatError', () => {
  const log = vi.spyOn(console, 'error').mockImplementation(() => {})
  afterEach(() => log.mockClear())

  it('logs one line with the code, the path and the whole message', () => {
    const error = failure(new Error('This story was changed by Arie.\nNothing was saved.'))
    const result = formatError(true)(formatted(error), error)
    expect(result.message).toBe('This story was changed by Arie.\nNothing was saved.')
    expect(log.mock.calls).toEqual([
      [
        'GraphQL error INTERNAL_SERVER_ERROR at publishArticle: This story was changed by Arie. Nothing was saved.',
      ],
    ])
  })

  it("hides a programming error's message from clients, in production and in development", () => {
    const error = failure(new TypeError("Cannot read properties of undefined (reading 'id')"))
    expect(formatError(true)(formatted(error), error).message).toBe('Internal server error')
    expect(formatError(false)(formatted(error), error).message).toBe('Internal server error')
    expect(log.mock.calls[0]![0]).toMatch(/TypeError|Cannot read properties/)
  })
})
