// src/db/conflicts.ts: each way a database refuses a write, from either provider, in words.
import { describe, expect, it } from 'vitest'
import { conflictMessage, isDatabaseError } from '../../src/db/conflicts'

const pgUnique = Object.assign(new Error('duplicate key value violates unique constraint'), {
  name: 'PrismaClientKnownRequestError',
  code: 'P2002',
  meta: { modelName: 'User', target: ['email'] },
})

describe('conflictMessage', () => {
  it.each([
    [pgUnique, /^A user with this email already exists/],
    [
      {
        name: 'PrismaClientKnownRequestError',
        code: 'P2002',
        meta: { modelName: 'RelatedLink', target: 'RelatedLink_position_key' },
      },
      /^A related link with this position/,
    ],
    [
      {
        name: 'PrismaClientKnownRequestError',
        code: 'P2003',
        message: 'Foreign key constraint violated',
      },
      /break a link/,
    ],
    [
      {
        name: 'PrismaClientKnownRequestError',
        code: 'P2025',
        message: 'Record to update not found.',
      },
      /no longer exists/,
    ],
    [
      {
        name: 'PrismaClientKnownRequestError',
        code: 'P2034',
        message: 'write conflict or a deadlock',
      },
      /same moment.*try again/,
    ],
    [
      {
        name: 'PrismaClientKnownRequestError',
        code: 'P2028',
        message: 'Transaction API error: Unable to start a transaction in the given time.',
      },
      /busy/,
    ],
    [
      {
        name: 'PrismaClientKnownRequestError',
        code: 'P1001',
        message: "Can't reach database server",
      },
      /cannot be reached/,
    ],
    [{ name: 'DatabaseError', code: '40P01', message: 'deadlock detected' }, /same moment/],
    [{ name: 'SqliteError', code: 'SQLITE_BUSY', message: 'database is locked' }, /busy/],
    [{ name: 'PrismaClientUnknownRequestError', message: 'something odd' }, /refused this change/],
  ])('%#: in words, never the driver’s', (error, words) => {
    expect(isDatabaseError(error)).toBe(true)
    const message = conflictMessage(error)
    expect(message).toMatch(words)
    expect(message).not.toMatch(/prisma|sqlite|constraint|deadlock|P\d{4}|40P01/i)
  })

  it('is not taken in by a newsroom message', () => {
    expect(isDatabaseError(new Error('This story was changed by Arie.'))).toBe(false)
  })
})
