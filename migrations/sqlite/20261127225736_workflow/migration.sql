-- CreateTable
CREATE TABLE "ArticleEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "article" TEXT,
    "action" TEXT NOT NULL,
    "fromStatus" TEXT NOT NULL,
    "toStatus" TEXT NOT NULL,
    "actor" TEXT,
    "actorName" TEXT NOT NULL DEFAULT '',
    "at" DATETIME NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "version" INTEGER,
    CONSTRAINT "ArticleEvent_article_fkey" FOREIGN KEY ("article") REFERENCES "Article" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ArticleEvent_actor_fkey" FOREIGN KEY ("actor") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Correction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "article" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'correction',
    "note" TEXT NOT NULL DEFAULT '',
    "createdBy" TEXT,
    "createdAt" DATETIME DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Correction_article_fkey" FOREIGN KEY ("article") REFERENCES "Article" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Correction_createdBy_fkey" FOREIGN KEY ("createdBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Article" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "headline" TEXT NOT NULL DEFAULT '',
    "slug" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "body" JSONB NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'id',
    "dateline" TEXT NOT NULL DEFAULT '',
    "datelinePlace" TEXT,
    "storyDate" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "publishedAt" DATETIME,
    "publishedBy" TEXT,
    "unpublishedAt" DATETIME,
    "killedAt" DATETIME,
    "killReason" TEXT NOT NULL DEFAULT '',
    "lastEditedBy" TEXT,
    "publicationNote" TEXT NOT NULL DEFAULT '',
    "editorialNote" TEXT NOT NULL DEFAULT '',
    "sourceCredit" TEXT NOT NULL DEFAULT '',
    "copyrightNotice" TEXT NOT NULL DEFAULT '',
    "copyrightHolder" TEXT,
    "originalUrl" TEXT,
    "createdAt" DATETIME DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME,
    CONSTRAINT "Article_datelinePlace_fkey" FOREIGN KEY ("datelinePlace") REFERENCES "Place" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_publishedBy_fkey" FOREIGN KEY ("publishedBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_lastEditedBy_fkey" FOREIGN KEY ("lastEditedBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_copyrightHolder_fkey" FOREIGN KEY ("copyrightHolder") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("body", "copyrightHolder", "copyrightNotice", "createdAt", "dateline", "datelinePlace", "editorialNote", "headline", "id", "language", "originalUrl", "publicationNote", "publishedAt", "slug", "sourceCredit", "status", "storyDate", "summary", "updatedAt") SELECT "body", "copyrightHolder", "copyrightNotice", "createdAt", "dateline", "datelinePlace", "editorialNote", "headline", "id", "language", "originalUrl", "publicationNote", "publishedAt", "slug", "sourceCredit", "status", "storyDate", "summary", "updatedAt" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");
CREATE INDEX "Article_datelinePlace_idx" ON "Article"("datelinePlace");
CREATE INDEX "Article_publishedBy_idx" ON "Article"("publishedBy");
CREATE INDEX "Article_lastEditedBy_idx" ON "Article"("lastEditedBy");
CREATE INDEX "Article_copyrightHolder_idx" ON "Article"("copyrightHolder");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ArticleEvent_article_idx" ON "ArticleEvent"("article");

-- CreateIndex
CREATE INDEX "ArticleEvent_actor_idx" ON "ArticleEvent"("actor");

-- CreateIndex
CREATE INDEX "Correction_article_idx" ON "Correction"("article");

-- CreateIndex
CREATE INDEX "Correction_createdBy_idx" ON "Correction"("createdBy");
