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
import { sqliteGate } from './src/db/sqlite-gate'
import { atomicMutations } from './src/graphql/atomic-mutations'
import { quietErrors } from './src/http/quiet-errors'
import { withContentStore } from './src/content/prisma-models'
import { contentApi } from './src/content/http'
export { earlyContent } from './src/content/early'
import { env, isProduction, productionProblems } from './src/env'
import { formatError } from './src/errors'
import { withStrictDates } from './src/fields/strict-dates'
import { explainParseOverflow, inputNesting } from './src/graphql/input-nesting'
import { withStableOrder } from './src/graphql/stable-order'
import { withRevisionQueries } from './src/graphql/revisions'
import { withSafeFilters } from './src/graphql/guard-filters'
import { budgetApolloConfig } from './src/graphql/budget-plugin'
import { staffOnly } from './src/graphql/staff-only'
import { readBodyLimit, TAKE_CEILING } from './src/graphql/budgets'
import { graphqlBody } from './src/http/body'
import { securityHeaders } from './src/http/headers'
import { isSignedIn } from './src/access/rules'
import { isEmpty, seed } from './src/seed/seed'
import { session, withAccountSecurity, withAuth, type Session } from './src/session'

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
    : sqliteGate(new PrismaBetterSqlite3({ url: databaseUrl(), ...sqlCountOptions() }))

// Depth, alias, token, field, cost and take budgets, checked before execution (docs/production.md).
const graphqlBudgets = budgetApolloConfig()

export default withAccountSecurity(
  withAuth<TypeInfo<Session>>(
    config<TypeInfo<Session>>({
      db: {
        provider,
        prismaSchemaPath: paths.prisma,
        extendPrismaSchema: withContentStore,
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
        apolloConfig: {
          formatError: explainParseOverflow(formatError(isProduction)),
          parseOptions: graphqlBudgets.parseOptions,
          documentStore: graphqlBudgets.documentStore,
          persistedQueries: graphqlBudgets.persistedQueries,
          plugins: [staffOnly, inputNesting, ...graphqlBudgets.plugins],
        },
        extendGraphqlSchema: schema =>
          withRevisionQueries(
            withStableOrder(withSafeFilters(atomicMutations(withStrictDates(schema))))
          ),
      },
      lists: schema,
      // Every list and relationship field returns at most this many rows (and this many untaken).
      listDefaults: { graphql: { maxTake: TAKE_CEILING } },
      session,
      telemetry: false,
      server: {
        options: { host: env.host, port: env.port },
        // No list takes files: a multipart upload is held to the body limit too, not 200 MiB.
        maxFileSize: readBodyLimit(),
        extendExpressApp(app, context) {
          securityHeaders({ isProduction, https: env.cookieSecure })(app)
          quietErrors(app)
          sqlCountRoute(app)
          graphqlBody('/api/graphql', readBodyLimit())(app)
          contentApi('/api/content/graphql')(app)
        },
      },
      ui: { isAccessAllowed: ({ session }) => isSignedIn({ session }) },
    })
  )
)
