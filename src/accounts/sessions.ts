// Sign-in sessions on the server (table AuthSession): the signed cookie names its record, and a
// cookie is good only while that record is live. Sign-out, a password change, deactivation and
// the admin action end records; an ended record never comes back (reactivation included).
import { randomBytes } from 'node:crypto'
import { env } from '../env'

// The raw-SQL part of Prisma's client (Keystone's context.prisma).
export type SessionDb = {
  $queryRaw<T = unknown>(query: TemplateStringsArray, ...values: unknown[]): Promise<T>
  $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number>
}

export type EndReason =
  'signed-out' | 'password-changed' | 'deactivated' | 'ended-by-admin' | 'account-deleted'

// Past the cookie's own expiry a record can never be used again: sign-ins clear them away.
const keepMs = () => (env.sessionMaxAge + 24 * 60 * 60) * 1000

/** Opens a session for `userId`; returns its id (192 random bits, base64url), for the cookie. */
export async function openSession(db: SessionDb, userId: string, now = Date.now()) {
  const id = randomBytes(24).toString('base64url')
  await db.$executeRaw`DELETE FROM "AuthSession" WHERE "createdAt" < ${BigInt(now - keepMs())}`
  await db.$executeRaw`
    INSERT INTO "AuthSession" ("id", "userId", "createdAt") VALUES (${id}, ${userId}, ${BigInt(now)})`
  return id
}

/** True while session `id` of `userId` has not been ended. One primary-key lookup. */
export async function isSessionLive(db: SessionDb, id: string, userId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ userId: string; endedAt: unknown }[]>`
    SELECT "userId", "endedAt" FROM "AuthSession" WHERE "id" = ${id}`
  return rows[0]?.userId === userId && rows[0].endedAt === null
}

/** Ends one session (sign-out). */
export async function endSession(db: SessionDb, id: string, reason: EndReason, now = Date.now()) {
  await db.$executeRaw`
    UPDATE "AuthSession" SET "endedAt" = ${BigInt(now)}, "endedReason" = ${reason}
    WHERE "id" = ${id} AND "endedAt" IS NULL`
}

/** Ends every live session of `userId`, except `exceptId` (the one making the change); returns how many. */
export async function endSessionsOf(
  db: SessionDb,
  userId: string,
  reason: EndReason,
  exceptId: string | undefined = undefined,
  now = Date.now()
): Promise<number> {
  return db.$executeRaw`
    UPDATE "AuthSession" SET "endedAt" = ${BigInt(now)}, "endedReason" = ${reason}
    WHERE "userId" = ${userId} AND "endedAt" IS NULL AND "id" <> ${exceptId ?? ''}`
}
