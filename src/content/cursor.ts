// Opaque page cursors: base64url of [publishedAt ISO, story id], the keyset of newest-first order.
import { GraphQLError } from 'graphql'
import { isRealDateTime } from '../fields/calendar'
import type { Cursor } from './store'

export const encodeCursor = (story: { publishedAt: string; id: string }) =>
  Buffer.from(JSON.stringify([story.publishedAt, story.id])).toString('base64url')

/** The cursor, or a BAD_USER_INPUT error naming the argument. */
export function decodeCursor(value: unknown): Cursor | null {
  if (value == null) return null
  const invalid = () =>
    new GraphQLError('`after` is not a cursor this API gave out', {
      extensions: { code: 'BAD_USER_INPUT' },
    })
  if (typeof value !== 'string' || value.length > 200) throw invalid()
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'))
  } catch {
    throw invalid()
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'string'
  )
    throw invalid()
  // The same calendar rule as every DateTime argument: Date would roll 30 February into March.
  if (!isRealDateTime(parsed[0])) throw invalid()
  const publishedAt = new Date(parsed[0])
  return { publishedAt, id: parsed[1] }
}
