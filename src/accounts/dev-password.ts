// The development password is printed in the README and on every dev start, so it protects
// nothing: an account created or changed through the API may not use it. The seed's dev accounts
// (outside production only) are the one exception, and they take it inside allowDevPassword.
import { AsyncLocalStorage } from 'node:async_hooks'
import { env, isProduction } from '../env'

/** The default WARTA_DEV_PASSWORD, as the README prints it. */
export const PUBLISHED_DEV_PASSWORD = 'warta-dev-password'

const allowed = new AsyncLocalStorage<true>()

/**
 * Runs `work` with the dev password allowed for the accounts it writes: the seed's dev accounts.
 * In production nothing is allowed: `work` runs under the ordinary rule.
 */
export function allowDevPassword<T>(work: () => Promise<T>): Promise<T> {
  return isProduction ? work() : allowed.run(true, work)
}

/** True inside allowDevPassword (the seed's dev accounts, outside production). */
export const devPasswordAllowed = (): boolean => allowed.getStore() === true

/** The dev passwords in force: the published default and the WARTA_DEV_PASSWORD in use. */
export const devPasswords = (): string[] => [...new Set([PUBLISHED_DEV_PASSWORD, env.devPassword])]

/**
 * Why `password` may not be set, or undefined: it is a dev password (compared trimmed and
 * case-insensitively, so "Warta-Dev-Password " is refused too), outside allowDevPassword.
 */
export function devPasswordProblem(password: string): string | undefined {
  if (devPasswordAllowed()) return undefined
  const typed = password.trim().toLowerCase()
  if (!devPasswords().some(dev => dev.trim().toLowerCase() === typed)) return undefined
  return 'is the published development password (WARTA_DEV_PASSWORD): choose your own'
}
