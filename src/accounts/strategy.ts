// The session strategy that @keystone-6/auth made, made to answer to the server: a cookie names
// its AuthSession record (./sessions.ts) and works only while that record is live and the account
// active. Signing in opens a record; signing out ends it.
import type { KeystoneContext, SessionStrategy } from '@keystone-6/core/types'
import type { Session } from '../access/session'
import { endSession, isSessionLive, openSession, type SessionDb } from './sessions'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Keystone context
type Context = KeystoneContext<any>
type Strategy = SessionStrategy<unknown, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const db = (context: Context) => context.prisma as unknown as SessionDb

/**
 * Wraps `strategy` (the one withAuth returns, which re-reads the account on every request).
 * A deactivated account has no session, and signing in to one fails like a wrong password
 * (an empty token is auth's failure signal).
 */
export function serverSessions(strategy: Strategy): Strategy {
  return {
    ...strategy,
    async get(args) {
      const current = (await strategy.get(args)) as Session | undefined
      if (!current?.data?.isActive || typeof current.sessionId !== 'string') return undefined
      return (await isSessionLive(db(args.context), current.sessionId, current.itemId))
        ? current
        : undefined
    },
    async start(args) {
      const { itemId } = args.data as { itemId: string }
      const user = await args.context.sudo().db.User?.findOne({ where: { id: itemId } })
      if (!user?.isActive) return ''
      const sessionId = await openSession(db(args.context), itemId)
      return strategy.start({ ...args, data: { itemId, sessionId } })
    },
    async end(args) {
      const current = (args.context.session ?? (await strategy.get(args))) as Session | undefined
      if (typeof current?.sessionId === 'string') {
        await endSession(db(args.context), current.sessionId, 'signed-out')
      }
      return strategy.end(args)
    },
  }
}
