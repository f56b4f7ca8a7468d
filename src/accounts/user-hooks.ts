// What the User list does for sessions and passwords: a password change ends the account's other
// sessions, deactivation and deletion end all of them, an admin may end them all at will, and a
// password must not be common or guessable (./password-strength.ts).
import { action } from '@keystone-6/core'
import type { KeystoneContext } from '@keystone-6/core/types'
import { allowed } from '../access/rules'
import type { Session } from '../access/session'
import { endSessionsOf, type SessionDb } from './sessions'
import { devPasswordAllowed, devPasswordProblem, devPasswords } from './dev-password'
import { weakPasswordProblem } from './password-strength'
import { refusal } from '../refusals'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Keystone context
type Context = KeystoneContext<any>
type UserItem = { id: string | number; email?: string; name?: string; isActive?: boolean }

const canManage = allowed('account.manage')
const db = (context: Context) => context.prisma as unknown as SessionDb

/**
 * List hook (beforeOperation): ends sessions before the change is written, so that a failure
 * here leaves the old password or active account in place rather than sessions that should be
 * dead. The session making a password change on its own account stays.
 */
export async function endSessionsOnAccountChange(args: {
  operation: 'create' | 'update' | 'delete'
  item?: UserItem
  inputData?: Record<string, unknown>
  context: Context
}) {
  const { operation, item, inputData, context } = args
  if (operation === 'create' || !item) return
  const id = String(item.id)
  if (operation === 'delete') {
    await endSessionsOf(db(context), id, 'account-deleted')
    return
  }
  if (inputData?.isActive === false && item.isActive) {
    await endSessionsOf(db(context), id, 'deactivated')
  }
  if (typeof inputData?.password === 'string') {
    const session = context.session as Session | undefined
    const own = session?.itemId === id ? session.sessionId : undefined
    await endSessionsOf(db(context), id, 'password-changed', own)
  }
}

/**
 * Field hook (User.password validate): refuses the published dev password (./dev-password.ts)
 * and common and guessable passwords.
 */
export function refuseWeakPassword(args: {
  operation: 'create' | 'update' | 'delete'
  inputData?: Record<string, unknown>
  resolvedData?: Record<string, unknown>
  item?: UserItem
  addValidationError: (message: string) => void
}) {
  const { operation, inputData, resolvedData, item, addValidationError } = args
  const password = inputData?.password
  if (operation === 'delete' || typeof password !== 'string') return
  const dev = devPasswordProblem(password)
  if (dev) return addValidationError(dev)
  // The dev passwords count as known words too, so "warta-dev-password1" scores as weak.
  const known = [resolvedData?.email ?? item?.email, resolvedData?.name ?? item?.name]
  const problem = weakPasswordProblem(password, [
    ...known.filter((value): value is string => typeof value === 'string'),
    ...(devPasswordAllowed() ? [] : devPasswords()),
  ])
  if (problem) addValidationError(problem)
}

/** `endSessionsUser(where)`: an admin signs an account out everywhere (e.g. a lost laptop). */
export const endSessions = action({
  access: ({ session }) => canManage({ session: session as Session | undefined }),
  async resolve({ where }, context) {
    const user = await context.db.User!.findOne({ where })
    if (!user) throw refusal('notFound', 'No such account')
    await endSessionsOf(db(context), String(user.id), 'ended-by-admin')
    return user
  },
  ui: {
    label: 'End all sessions',
    messages: {
      promptTitle: 'End all sessions of {itemLabel}?',
      prompt: 'They are signed out on every device and must sign in again.',
      promptConfirmLabel: 'End all sessions',
      success: 'Ended all sessions of {itemLabel}',
      fail: 'Could not end the sessions of {itemLabel}',
    },
    itemView: {
      actionMode: ({ session }) =>
        canManage({ session: session as Session | undefined }) ? 'enabled' : 'hidden',
      navigation: 'refetch',
    },
    listView: { actionMode: 'hidden' },
  },
})
