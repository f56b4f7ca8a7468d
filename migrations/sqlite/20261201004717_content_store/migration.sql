-- CreateTable
CREATE TABLE "ContentStory" (
    "articleId" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL,
    "modifiedAt" DATETIME NOT NULL,
    "language" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "card" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "ContentStoryRef" (
    "storyId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL,

    PRIMARY KEY ("storyId", "kind", "profileId")
);

-- CreateTable
CREATE TABLE "ContentProfile" (
    "kind" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "data" TEXT NOT NULL,

    PRIMARY KEY ("kind", "id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ContentStory_slug_key" ON "ContentStory"("slug");

-- CreateIndex
CREATE INDEX "ContentStory_state_publishedAt_articleId_idx" ON "ContentStory"("state", "publishedAt" DESC, "articleId");

-- CreateIndex
CREATE INDEX "ContentStory_state_language_publishedAt_articleId_idx" ON "ContentStory"("state", "language", "publishedAt" DESC, "articleId");

-- CreateIndex
CREATE INDEX "ContentStoryRef_kind_profileId_publishedAt_storyId_idx" ON "ContentStoryRef"("kind", "profileId", "publishedAt" DESC, "storyId");

-- CreateIndex
CREATE INDEX "ContentProfile_kind_slug_idx" ON "ContentProfile"("kind", "slug");
