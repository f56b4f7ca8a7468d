// `npm run user:create -- --email a@b.c --name "A B" --role admin`: creates a staff account,
// e.g. the first admin of a production database (production never creates default accounts).
// The password comes from WARTA_NEW_PASSWORD, or from standard input (first line).
import { getContext } from '@keystone-6/core/context'
import { parseArgs } from 'node:util'
import config from '../keystone'
import * as PrismaModule from '../generated/prisma/client'
import type { Context } from '../generated/keystone/types'
import { isRole, roles } from '../src/access/roles'

async function readPassword(): Promise<string> {
  if (process.env.WARTA_NEW_PASSWORD) return process.env.WARTA_NEW_PASSWORD
  let input = ''
  for await (const chunk of process.stdin) input += chunk
  return input.split('\n')[0] ?? ''
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
  })
  const { email, name, role = 'reporter' } = values
  if (!email || !name || !isRole(role)) {
    console.error(
      `Usage: npm run user:create -- --email <email> --name <name> --role <${roles.join('|')}>`
    )
    console.error(
      'The password is read from WARTA_NEW_PASSWORD or the first line of standard input.'
    )
    process.exitCode = 2
    return
  }
  const context = getContext(config, PrismaModule) as unknown as Context
  try {
    const user = await context.sudo().db.User.createOne({
      data: { email, name, role, password: await readPassword() },
    })
    console.log(`Created ${role} ${user.email} (id ${user.id})`)
  } finally {
    await context.prisma.$disconnect()
  }
}

main().catch(error => {
  // Validation errors name the field (short password, used email): say them, nothing else.
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
})
