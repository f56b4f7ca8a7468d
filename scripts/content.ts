// `npm run content:rebuild`: empties the published store (src/content) and publishes every story
// again from the editorial tables of the database named by DATABASE_URL. Needed only after data
// was written around Keystone (a bulk import straight into SQL); Warta's own writes keep it right.
import { getContext } from '@keystone-6/core/context'
import config from '../keystone'
import * as PrismaModule from '../generated/prisma/client'
import type { Context } from '../generated/keystone/types'
import { rebuildStore } from '../src/content/publisher'

async function main() {
  if (process.argv[2] !== 'rebuild') throw new Error('usage: content.ts rebuild')
  const context = getContext(config, PrismaModule) as unknown as Context
  try {
    const started = performance.now()
    const stored = await rebuildStore(context.prisma)
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(`Published store rebuilt in ${seconds} s: ${stored} stories`)
  } finally {
    await context.prisma.$disconnect()
  }
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
