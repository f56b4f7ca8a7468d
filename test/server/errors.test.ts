// src/errors.ts: one log line per error; production hides programming errors' messages.
import { GraphQLError } from 'graphql'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Prisma } from '../../generated/prisma/client'
import { formatError, publicError } from '../../src/errors'

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

// A unique violation as Prisma 7 reports it through the SQLite adapter.
const uniqueViolation = () =>
  new Prisma.PrismaClientKnownRequestError(
    'Invalid `prisma.tag.create()` invocation:\n\nUnique constraint failed on the fields: (`slug`)',
    {
      code: 'P2002',
      clientVersion: '7',
      meta: {
        modelName: 'Tag',
        driverAdapterError: {
          name: 'DriverAdapterError',
          cause: { kind: 'UniqueConstraintViolation', constraint: { fields: ['slug'] } },
        },
      },
    }
  )

describe('no internal text reaches a client, in production or development', () => {
  const log = vi.spyOn(console, 'error').mockImplementation(() => {})
  afterEach(() => log.mockClear())

  it.each([true, false])('a unique violation is told in words (production: %s)', production => {
    const error = failure(uniqueViolation())
    // Keystone's own formatError has replaced the message by then.
    const keystone = {
      ...formatted(error),
      message: 'Prisma error',
      extensions: { code: 'KS_PRISMA_ERROR' },
    }
    const result = formatError(production)(keystone, error)
    expect(result.message).toBe('A tag with this slug already exists. Nothing was saved.')
    expect(result.extensions?.code).not.toBe('KS_PRISMA_ERROR')
    expect(log.mock.calls[0]![0]).toMatch(/Unique constraint failed/)
  })

  it.each([
    new RangeError('Maximum call stack size exceeded'),
    new TypeError('x.map is not a function'),
    Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' }),
    new Error('Invalid `prisma.article.update()` invocation: something internal'),
  ])('%s is hidden in development too', original => {
    const error = failure(original)
    const result = formatError(false)(formatted(error), error)
    expect(result.message).not.toMatch(/stack|is not a function|SQLITE|prisma/i)
  })

  it("Keystone's gathered hook errors keep the newsroom's words and lose the internal ones", () => {
    const internal = new TypeError("Cannot read properties of undefined (reading 'id')")
    const own = new Error('A correction belongs to a story: choose the article')
    const error = new GraphQLError(
      `An error occurred while running "validate".\n  - Correction.hooks.validate: ${internal.message}\n  - Correction.article: ${own.message}`,
      {
        path: ['createCorrection'],
        extensions: {
          code: 'KS_EXTENSION_ERROR',
          debug: [internal, own].map(e => ({ message: e.message, stacktrace: e.stack })),
        },
      }
    )
    const dev = {
      ...error.toJSON(),
      extensions: { ...error.extensions, stacktrace: ['at x.js:1'] },
    }
    const result = formatError(false)(dev, error)
    expect(result.message).toMatch(/choose the article/)
    expect(result.message).not.toMatch(/Cannot read properties/)
    expect(result.extensions).not.toHaveProperty('debug')
    expect(result.extensions).not.toHaveProperty('stacktrace')
  })

  it('a resolver throws the words, not the database error (context.graphql.raw, scripts)', () => {
    const safe = publicError(uniqueViolation()) as GraphQLError
    expect(safe.message).toBe('A tag with this slug already exists. Nothing was saved.')
    const own = new Error('This story was changed by Arie. Nothing was saved.')
    expect(publicError(own)).toBe(own)
  })
})
