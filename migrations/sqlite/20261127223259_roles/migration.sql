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
    "publishedAt" DATETIME,
    "publicationNote" TEXT NOT NULL DEFAULT '',
    "editorialNote" TEXT NOT NULL DEFAULT '',
    "sourceCredit" TEXT NOT NULL DEFAULT '',
    "copyrightNotice" TEXT NOT NULL DEFAULT '',
    "copyrightHolder" TEXT,
    "originalUrl" TEXT,
    "createdAt" DATETIME DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME,
    CONSTRAINT "Article_datelinePlace_fkey" FOREIGN KEY ("datelinePlace") REFERENCES "Place" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_copyrightHolder_fkey" FOREIGN KEY ("copyrightHolder") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("body", "copyrightHolder", "copyrightNotice", "createdAt", "dateline", "datelinePlace", "headline", "id", "language", "originalUrl", "publicationNote", "publishedAt", "slug", "sourceCredit", "status", "storyDate", "summary", "updatedAt") SELECT "body", "copyrightHolder", "copyrightNotice", "createdAt", "dateline", "datelinePlace", "headline", "id", "language", "originalUrl", "publicationNote", "publishedAt", "slug", "sourceCredit", "status", "storyDate", "summary", "updatedAt" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");
CREATE INDEX "Article_datelinePlace_idx" ON "Article"("datelinePlace");
CREATE INDEX "Article_copyrightHolder_idx" ON "Article"("copyrightHolder");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "password" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'reporter',
    "isActive" BOOLEAN NOT NULL DEFAULT true
);
INSERT INTO "new_User" ("email", "id", "name", "password", "role") SELECT "email", "id", "name", "password", "role" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
