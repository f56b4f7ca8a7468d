import type { Role } from './roles'

// What Keystone keeps in the signed session cookie (see src/session.ts).
export type Session = {
  listKey: 'User'
  itemId: string
  data: { id: string; name: string; role: Role }
}

export type AccessArgs = { session?: Session | undefined }
