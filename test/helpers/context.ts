import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { getContext } from '@keystone-6/core/context'
import { resetDatabase } from '@keystone-6/core/testing/sqlite'
import * as PrismaModule from '../../generated/prisma/client'
import type { Context } from '../../generated/keystone/types'
import type { Role } from '../../src/access/roles'
import { sqliteMigrations } from './paths'

/**
 * A Keystone context on a real SQLite file of this test file's own, built from the committed
 * migrations. Call `reset()` in beforeEach for a clean database.
 */
export async function testContext() {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'warta-test-')), 'test.db')
  process.env.DATABASE_URL = `file:${file}`
  const { default: config } = await import('../../keystone')
  const context = getContext(config, PrismaModule) as unknown as Context
  async function reset() {
    await context.prisma.$disconnect()
    await resetDatabase({ filename: file }, sqliteMigrations)
  }
  return { context, reset, file }
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
