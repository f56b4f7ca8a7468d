// Sign-in throttling, kept in the database (table SignInThrottle, through rate-limiter-flexible's
// Prisma store) so that every instance on one database counts the same attempts.
//   Per account (the normalised e-mail, whether or not such an account exists): after
//   `accountFailures` consecutive failures the account is locked for `lockMinutes`, doubling with
//   each further lock (up to `maxLockMinutes`); a successful sign-in resets both counts.
//   Per client address: at most `addressFailures` failed attempts per `addressWindowMinutes`.
// An attempt is counted before its password is evaluated (the database increments atomically),
// so concurrent guesses cannot all slip past the check; a success gives the address's back.
import { RateLimiterPrisma, type RateLimiterRes } from 'rate-limiter-flexible'
import { env } from '../env'
import { accountKey, addressKey } from './throttle-keys'

const limits = env.signIn
const DAY = 24 * 60 * 60

type Limiters = { account: RateLimiterPrisma; locks: RateLimiterPrisma; address: RateLimiterPrisma }
// One set per Prisma client (a server has one; tests may have several).
const byClient = new WeakMap<object, Limiters>()

function limitersFor(prisma: object): Limiters {
  let limiters = byClient.get(prisma)
  if (!limiters) {
    // The Prisma delegate of model SignInThrottle (./prisma-models.ts).
    const store = { storeClient: prisma, tableName: 'signInThrottle' }
    limiters = {
      account: new RateLimiterPrisma({
        ...store,
        keyPrefix: 'account',
        points: limits.accountFailures,
        duration: DAY,
      }),
      locks: new RateLimiterPrisma({ ...store, keyPrefix: 'locks', points: 1e9, duration: DAY }),
      address: new RateLimiterPrisma({
        ...store,
        keyPrefix: 'address',
        points: limits.addressFailures,
        duration: limits.addressWindowMinutes * 60,
      }),
    }
    byClient.set(prisma, limiters)
  }
  return limiters
}

export type Admission =
  { admitted: true; failures: number } | { admitted: false; retryAfterMs: number }

/**
 * Counts a sign-in attempt for `account` (a normalised e-mail) and `address` (the client's, when
 * the attempt came over HTTP) and says whether its password may be evaluated.
 */
export async function admitSignIn(
  prisma: object,
  account: string,
  address: string | undefined
): Promise<Admission> {
  const limiters = limitersFor(prisma)
  if (address !== undefined) {
    const byAddress = await limiters.address.penalty(addressKey(address))
    if (byAddress.consumedPoints > limits.addressFailures) return refused(byAddress)
  }
  const byAccount = await limiters.account.penalty(accountKey(account))
  if (byAccount.consumedPoints > limits.accountFailures) return refused(byAccount)
  return { admitted: true, failures: byAccount.consumedPoints }
}

function refused(res: RateLimiterRes): Admission {
  return { admitted: false, retryAfterMs: Math.max(res.msBeforeNext, 1000) }
}

/** Records the outcome of an admitted attempt: a success resets, a failure may lock. */
export async function settleSignIn(
  prisma: object,
  account: string,
  address: string | undefined,
  outcome: { succeeded: boolean; failures: number }
): Promise<void> {
  const limiters = limitersFor(prisma)
  const key = accountKey(account)
  if (outcome.succeeded) {
    await Promise.all([
      limiters.account.delete(key),
      limiters.locks.delete(key),
      address !== undefined ? limiters.address.reward(addressKey(address)) : undefined,
    ])
    return
  }
  if (outcome.failures < limits.accountFailures) return
  const { consumedPoints: lockNumber } = await limiters.locks.penalty(key)
  const minutes = Math.min(limits.lockMinutes * 2 ** (lockNumber - 1), limits.maxLockMinutes)
  await limiters.account.block(key, Math.max(1, Math.round(minutes * 60)))
}

/** "Too many sign-in attempts; try again in 3 minutes" */
export function throttledMessage(retryAfterMs: number): string {
  const minutes = Math.ceil(retryAfterMs / 60_000)
  return `Too many sign-in attempts; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`
}
