-- CreateTable
CREATE TABLE "AuthSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" BIGINT NOT NULL,
    "endedAt" BIGINT,
    "endedReason" TEXT
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL,
    "expire" DATETIME
);

-- CreateIndex
CREATE INDEX "AuthSession_userId_idx" ON "AuthSession"("userId");

-- CreateIndex
CREATE INDEX "AuthSession_createdAt_idx" ON "AuthSession"("createdAt");

-- CreateIndex
CREATE INDEX "SignInThrottle_expire_idx" ON "SignInThrottle"("expire");

-- Data: an e-mail address is one identity whatever its case (src/accounts/email.ts): existing
-- addresses are trimmed and lowercased, as new writes are. An address that would then collide
-- with another account's is left as it is, for an admin to resolve (docs/accounts.md).
UPDATE "User" SET "email" = lower(trim("email"))
WHERE "email" <> lower(trim("email"))
  AND NOT EXISTS (
    SELECT 1 FROM "User" AS "other"
    WHERE "other"."id" <> "User"."id" AND lower(trim("other"."email")) = lower(trim("User"."email"))
  );
