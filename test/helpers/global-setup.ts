// Once per `vitest run`: refuse to run against a build for the other provider (the tests import
// the generated Prisma client and start the built server), and on PostgreSQL drop the databases
// this run created.
import pg from 'pg'
import { buildMismatch } from '../../src/db/built.mjs'
import { repoRoot } from './paths'

export default async function setup() {
  const base = process.env.WARTA_TEST_BASE_URL
  const problem = buildMismatch(repoRoot, base || undefined, 'npm test')
  if (problem) throw new Error(problem)
  if (!base || !/^postgres(ql)?:/.test(base)) return

  // Fail early, and clearly, when the server is not there.
  const client = new pg.Client({ connectionString: base })
  await client.connect().catch(error => {
    throw new Error(`Cannot reach the PostgreSQL server of DATABASE_URL: ${error.message}`)
  })
  await client.end()

  return async () => {
    const admin = new pg.Client({ connectionString: base })
    await admin.connect()
    try {
      const prefix = `warta_test_${process.env.WARTA_TEST_RUN}_`
      const { rows } = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
        [prefix]
      )
      for (const { datname } of rows) {
        await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`)
      }
    } finally {
      await admin.end()
    }
  }
}
