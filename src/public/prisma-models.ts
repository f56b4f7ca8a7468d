// The read model's tables (./read-model.ts), added to Keystone's Prisma schema: they are not
// lists, so neither GraphQL nor the Admin UI exposes them.
export const readModelPrismaModels = `
model PublicPage {
  key       String  @id
  body      String
  expiresAt BigInt?
}

model PublicPageRef {
  key String
  ref String

  @@id([key, ref])
  @@index([ref])
}

model PublicPageEpoch {
  id Int @id
  n  Int
}
`

export const withReadModel = (schema: string) => `${schema.trimEnd()}\n${readModelPrismaModels}`
