// Assembly only: database, session, Admin UI access, lists, first-start seed.
import { createRequire } from 'node:module'
import path from 'node:path'
import { config } from '@keystone-6/core'
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3'
import type { Context, TypeInfo } from './generated/keystone/types'
import { schema } from './schema'
import { LOCKS, withAdvisoryLock } from './src/db/lock.mjs'
import { databaseProvider, databaseUrl, schemaPaths } from './src/db/url.mjs'
import { sqlCountOptions, sqlCountRoute } from './src/db/sql-count'
import { publicReadPath } from './src/public/read-path'
import { withReadModel } from './src/public/prisma-models'
import { withContentStore } from './src/content/prisma-models'
import { contentApi } from './src/content/http'
import { env, isProduction, productionProblems } from './src/env'
import { formatError } from './src/errors'
import { withStableOrder } from './src/graphql/stable-order'
import { isSignedIn } from './src/access/rules'
import { isEmpty, seed } from './src/seed/seed'
import { session, withActiveAccountsOnly, withAuth, type Session } from './src/session'

// Next.js (the Admin UI) would otherwise announce and attempt anonymous telemetry.
process.env.NEXT_TELEMETRY_DISABLED ??= '1'

// DATABASE_URL picks the provider when Keystone builds (generating that provider's schemas and
// Prisma client) and when it runs; `npm start` checks that both agree (src/db/built.mjs).
const provider = databaseProvider()
const paths = schemaPaths(provider)
// The PostgreSQL adapter (and `pg` under it) is required only for PostgreSQL: loading them costs
// about 0.1 s of every start, and a SQLite server never uses them. Resolved from the project root
// (the cwd of every command), which works in Keystone's CommonJS build and under tsx/vitest alike.
const requirePg = () =>
  createRequire(path.join(process.cwd(), 'package.json'))(
    '@prisma/adapter-pg'
  ) as typeof import('@prisma/adapter-pg')
const adapter = () =>
  provider === 'postgresql'
    ? new (requirePg().PrismaPg)({ connectionString: databaseUrl() })
    : new PrismaBetterSqlite3({ url: databaseUrl(), ...sqlCountOptions() })

export default withActiveAccountsOnly(
  withAuth<TypeInfo<Session>>(
    config<TypeInfo<Session>>({
      db: {
        provider,
        prismaSchemaPath: paths.prisma,
        extendPrismaSchema: schema => withContentStore(withReadModel(schema)),
        prismaClientOptions: () => ({ adapter: adapter() }),
        async onConnect(context) {
          const problems = productionProblems()
          if (problems.length > 0)
            throw new Error(`Warta cannot start:\n- ${problems.join('\n- ')}`)
          // WAL (kept in the file): readers do not wait for a writer, and a commit syncs the log
          // once instead of the journal and the database, so each write costs less. FULL, because
          // better-sqlite3 builds SQLite with WAL's default at NORMAL, which can lose the last
          // commits (a publication) to a power cut.
          if (provider === 'sqlite') {
            await context.prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL')
            await context.prisma.$queryRawUnsafe('PRAGMA synchronous = FULL')
          }
          // Instances starting together on an empty database seed it once: the others wait, then
          // find it seeded.
          await withAdvisoryLock(databaseUrl(), LOCKS.seed, async () => {
            if (!(await isEmpty(context))) return
            await seed(context, { devAccounts: !isProduction })
            console.log('🌱 Seeded the ANTARA story into the empty database')
          })
          if (!isProduction) {
            console.log(
              `🔑 Dev sign-in: admin@warta.test, editor@warta.test, reporter@warta.test` +
                ` / password "${env.devPassword}" (WARTA_DEV_PASSWORD)`
            )
          }
        },
      },
      graphql: {
        schemaPath: paths.graphql,
        extendGraphqlSchema: withStableOrder,
        apolloConfig: { formatError: formatError(isProduction) },
      },
      lists: schema,
      session,
      telemetry: false,
      server: {
        options: { host: env.host, port: env.port },
        extendExpressApp(app, context) {
          sqlCountRoute(app)
          publicReadPath('/api/graphql')(app, context as unknown as Context)
          contentApi('/api/content/graphql')(app, context)
        },
      },
      ui: { isAccessAllowed: ({ session }) => isSignedIn({ session }) },
    })
  )
)
