// `npm run read-model:rebuild`: drops every page kept in the public read model and builds them
// all again from the database named by DATABASE_URL. Needed only after data was written around
// Keystone (a bulk import straight into SQL); Warta's own writes keep the read model right.
import { getContext } from '@keystone-6/core/context'
import config from '../keystone'
import * as PrismaModule from '../generated/prisma/client'
import type { Context } from '../generated/keystone/types'
import { rebuildAll } from '../src/public/keep'

async function main() {
  if (process.argv[2] !== 'rebuild') throw new Error('usage: read-model.ts rebuild')
  const context = getContext(config, PrismaModule) as unknown as Context
  try {
    const started = performance.now()
    const kept = await rebuildAll(context.prisma)
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(
      `Read model rebuilt in ${seconds} s: ${kept.story} story pages, ` +
        `${kept.person} person pages, ${kept.latest} front page`
    )
  } finally {
    await context.prisma.$disconnect()
  }
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
