import type { Role } from './roles'

// What a request's session holds. The cookie carries only the user's id; name, role and
// isActive are read from the database on every request (src/session.ts), so a demoted or
// deactivated user loses rights at once.
export type Session = {
  listKey: 'User'
  itemId: string
  /** The server-side record of this sign-in (src/accounts/sessions.ts); absent in tests' sessions. */
  sessionId?: string
  data: { id: string; name: string; role: Role; isActive: boolean }
}

export type AccessArgs = { session?: Session | undefined }
