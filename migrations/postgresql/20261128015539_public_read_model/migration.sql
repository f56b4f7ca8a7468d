-- CreateTable
CREATE TABLE "PublicPage" (
    "key" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "expiresAt" BIGINT,

    CONSTRAINT "PublicPage_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "PublicPageRef" (
    "key" TEXT NOT NULL,
    "ref" TEXT NOT NULL,

    CONSTRAINT "PublicPageRef_pkey" PRIMARY KEY ("key","ref")
);

-- CreateTable
CREATE TABLE "PublicPageEpoch" (
    "id" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "PublicPageEpoch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PublicPageRef_ref_idx" ON "PublicPageRef"("ref");

-- The read model's one epoch row (src/public/read-model.ts): bumped by every public write.
INSERT INTO "PublicPageEpoch" ("id", "n") VALUES (1, 0);
