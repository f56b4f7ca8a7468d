import { getContext } from '@keystone-6/core/context'
import * as postgresql from '@keystone-6/core/testing/postgresql'
import * as sqlite from '@keystone-6/core/testing/sqlite'
// The client of the last build: pretest builds for the provider of DATABASE_URL.
import * as PrismaModule from '../../generated/prisma/client'
import type { Context } from '../../generated/keystone/types'
import type { Role } from '../../src/access/roles'
import { migrationsDir } from '../../src/db/url.mjs'
import { freshDatabaseUrl, onPostgres } from './database'
import { repoRoot } from './paths'

/**
 * A Keystone context on a real database of this test file's own (a SQLite file, or a PostgreSQL
 * database when the suite runs on PostgreSQL), built from the committed migrations. Call
 * `reset()` in beforeEach for a clean database.
 */
export async function testContext() {
  const url = freshDatabaseUrl('test')
  process.env.DATABASE_URL = url
  const { default: config } = await import('../../keystone')
  const context = getContext(config, PrismaModule) as unknown as Context
  const migrations = `${repoRoot}/${migrationsDir()}`
  async function reset() {
    await context.prisma.$disconnect()
    if (onPostgres) await postgresql.resetDatabase({ connectionString: url }, migrations)
    else await sqlite.resetDatabase({ filename: url.replace(/^file:/, '') }, migrations)
  }
  return { context, reset, url }
}

/** The context a signed-in staff member's requests get. */
export function asStaff(context: Context, user: { id: string; name?: string; role: Role }) {
  return context.withSession({
    listKey: 'User',
    itemId: user.id,
    data: { id: user.id, name: user.name ?? 'Staff', role: user.role, isActive: true },
  })
}

/** Runs `fn` and expects it to fail; returns the error message. */
export async function failureOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn()
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
  throw new Error('expected the operation to fail, but it succeeded')
}
