// `npm run seed`: seeds the ANTARA story (and, outside production, the dev accounts) into the
// database named by DATABASE_URL. Idempotent; run `npm run migrate:deploy` first (the npm script does).
import { getContext } from '@keystone-6/core/context'
import config from '../keystone'
import * as PrismaModule from '../generated/prisma/client'
import type { Context } from '../generated/keystone/types'
import { isProduction } from '../src/env'
import { seed } from '../src/seed/seed'

// A CommonJS module under tsx (package.json has no "type": "module"): no top-level await.
async function main() {
  const context = getContext(config, PrismaModule) as unknown as Context
  try {
    await seed(context, { devAccounts: !isProduction })
    console.log('🌱 Seeded the ANTARA story' + (isProduction ? '' : ' and the dev accounts'))
  } finally {
    await context.prisma.$disconnect()
  }
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
