// The tables of sign-in sessions (./sessions.ts) and sign-in throttling (./throttle.ts), added
// to Keystone's Prisma schema: they are not lists, so neither GraphQL nor the Admin UI can read
// or write them; only sign-in, sign-out, password changes, deactivation and the admin action
// `endSessionsUser` do.
export const accountPrismaModels = `
model AuthSession {
  id          String  @id
  userId      String
  createdAt   BigInt
  endedAt     BigInt?
  endedReason String?

  @@index([userId])
  @@index([createdAt])
}

model SignInThrottle {
  key    String    @id
  points Int
  expire DateTime?

  @@index([expire])
}
`

export const withAccountTables = (schema: string) => `${schema.trimEnd()}\n${accountPrismaModels}`
