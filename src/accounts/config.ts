// Everything accounts add to the Keystone config, in one wrapper around withAuth's result:
// server-side sessions, the guarded sign-in, its tables and the trusted proxy.
import type { SessionStrategy } from '@keystone-6/core/types'
import { env } from '../env'
import { withAccountTables } from './prisma-models'
import { guardSignIn, oneSignInPerRequest } from './sign-in'
import { serverSessions } from './strategy'
import { applyTrustProxy } from './trust-proxy'

/* eslint-disable @typescript-eslint/no-explicit-any -- any Keystone config */
type Config = {
  session?: SessionStrategy<any, any>
  db: { extendPrismaSchema?: (schema: string) => string }
  graphql?: {
    extendGraphqlSchema?: (schema: any) => any
    apolloConfig?: { plugins?: unknown[] } & Record<string, unknown>
  }
  server?: { extendExpressApp?: (app: any, context: any) => unknown }
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Wraps the config withAuth returned (it must be the outermost wrapper). */
export function withAccountSecurity<C extends Config>(config: C): C {
  if (!config.session) throw new Error('withAccountSecurity needs a session strategy')
  const { db, graphql = {}, server = {} } = config
  return {
    ...config,
    session: serverSessions(config.session),
    db: {
      ...db,
      extendPrismaSchema: (schema: string) =>
        withAccountTables(db.extendPrismaSchema ? db.extendPrismaSchema(schema) : schema),
    },
    graphql: {
      ...graphql,
      extendGraphqlSchema: (schema: unknown) =>
        guardSignIn(graphql.extendGraphqlSchema ? graphql.extendGraphqlSchema(schema) : schema),
      apolloConfig: {
        ...graphql.apolloConfig,
        plugins: [...(graphql.apolloConfig?.plugins ?? []), oneSignInPerRequest],
      },
    },
    server: {
      ...server,
      async extendExpressApp(app: Parameters<typeof applyTrustProxy>[0], context: unknown) {
        applyTrustProxy(app, env.trustProxy)
        await server.extendExpressApp?.(app, context)
      },
    },
  }
}
