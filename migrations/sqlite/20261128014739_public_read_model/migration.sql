-- CreateTable
CREATE TABLE "PublicPage" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "body" TEXT NOT NULL,
    "expiresAt" BIGINT
);

-- CreateTable
CREATE TABLE "PublicPageRef" (
    "key" TEXT NOT NULL,
    "ref" TEXT NOT NULL,

    PRIMARY KEY ("key", "ref")
);

-- CreateTable
CREATE TABLE "PublicPageEpoch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "n" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "PublicPageRef_ref_idx" ON "PublicPageRef"("ref");

-- The read model's one epoch row (src/public/read-model.ts): bumped by every public write.
INSERT INTO "PublicPageEpoch" ("id", "n") VALUES (1, 0);
