-- CreateTable
CREATE TABLE "Article" (
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
    "sourceCredit" TEXT NOT NULL DEFAULT '',
    "copyrightNotice" TEXT NOT NULL DEFAULT '',
    "copyrightHolder" TEXT,
    "originalUrl" TEXT,
    "createdAt" DATETIME DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME,
    CONSTRAINT "Article_datelinePlace_fkey" FOREIGN KEY ("datelinePlace") REFERENCES "Place" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_copyrightHolder_fkey" FOREIGN KEY ("copyrightHolder") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL DEFAULT '',
    "shortName" TEXT NOT NULL DEFAULT '',
    "slug" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL DEFAULT 'other',
    "description" TEXT NOT NULL DEFAULT '',
    "url" TEXT,
    "parent" TEXT,
    CONSTRAINT "Organization_parent_fkey" FOREIGN KEY ("parent") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL DEFAULT '',
    "slug" TEXT NOT NULL DEFAULT '',
    "jobTitle" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "user" TEXT,
    CONSTRAINT "Person_user_fkey" FOREIGN KEY ("user") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Place" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL DEFAULT '',
    "alternateName" TEXT NOT NULL DEFAULT '',
    "slug" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL DEFAULT 'city',
    "countryCode" TEXT,
    "parent" TEXT,
    CONSTRAINT "Place_parent_fkey" FOREIGN KEY ("parent") REFERENCES "Place" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RelatedLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "article" TEXT,
    "label" TEXT NOT NULL DEFAULT '',
    "url" TEXT,
    "targetArticle" TEXT,
    "placement" TEXT NOT NULL DEFAULT 'end',
    "afterParagraph" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "RelatedLink_article_fkey" FOREIGN KEY ("article") REFERENCES "Article" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "RelatedLink_targetArticle_fkey" FOREIGN KEY ("targetArticle") REFERENCES "Article" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Tag" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL DEFAULT '',
    "slug" TEXT NOT NULL DEFAULT ''
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "password" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'reporter'
);

-- CreateTable
CREATE TABLE "_Article_authors" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_Article_authors_A_fkey" FOREIGN KEY ("A") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_Article_authors_B_fkey" FOREIGN KEY ("B") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "_Article_editors" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_Article_editors_A_fkey" FOREIGN KEY ("A") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_Article_editors_B_fkey" FOREIGN KEY ("B") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "_Article_people" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_Article_people_A_fkey" FOREIGN KEY ("A") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_Article_people_B_fkey" FOREIGN KEY ("B") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "_Article_organizations" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_Article_organizations_A_fkey" FOREIGN KEY ("A") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_Article_organizations_B_fkey" FOREIGN KEY ("B") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "_Article_places" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_Article_places_A_fkey" FOREIGN KEY ("A") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_Article_places_B_fkey" FOREIGN KEY ("B") REFERENCES "Place" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "_Article_tags" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_Article_tags_A_fkey" FOREIGN KEY ("A") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_Article_tags_B_fkey" FOREIGN KEY ("B") REFERENCES "Tag" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "_Article_sources" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_Article_sources_A_fkey" FOREIGN KEY ("A") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_Article_sources_B_fkey" FOREIGN KEY ("B") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "_Organization_memberOf" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_Organization_memberOf_A_fkey" FOREIGN KEY ("A") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_Organization_memberOf_B_fkey" FOREIGN KEY ("B") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "_Organization_affiliatedPeople" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_Organization_affiliatedPeople_A_fkey" FOREIGN KEY ("A") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_Organization_affiliatedPeople_B_fkey" FOREIGN KEY ("B") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");

-- CreateIndex
CREATE INDEX "Article_datelinePlace_idx" ON "Article"("datelinePlace");

-- CreateIndex
CREATE INDEX "Article_copyrightHolder_idx" ON "Article"("copyrightHolder");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE INDEX "Organization_parent_idx" ON "Organization"("parent");

-- CreateIndex
CREATE UNIQUE INDEX "Person_slug_key" ON "Person"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Person_user_key" ON "Person"("user");

-- CreateIndex
CREATE UNIQUE INDEX "Place_slug_key" ON "Place"("slug");

-- CreateIndex
CREATE INDEX "Place_parent_idx" ON "Place"("parent");

-- CreateIndex
CREATE INDEX "RelatedLink_article_idx" ON "RelatedLink"("article");

-- CreateIndex
CREATE INDEX "RelatedLink_targetArticle_idx" ON "RelatedLink"("targetArticle");

-- CreateIndex
CREATE UNIQUE INDEX "Tag_slug_key" ON "Tag"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "_Article_authors_AB_unique" ON "_Article_authors"("A", "B");

-- CreateIndex
CREATE INDEX "_Article_authors_B_index" ON "_Article_authors"("B");

-- CreateIndex
CREATE UNIQUE INDEX "_Article_editors_AB_unique" ON "_Article_editors"("A", "B");

-- CreateIndex
CREATE INDEX "_Article_editors_B_index" ON "_Article_editors"("B");

-- CreateIndex
CREATE UNIQUE INDEX "_Article_people_AB_unique" ON "_Article_people"("A", "B");

-- CreateIndex
CREATE INDEX "_Article_people_B_index" ON "_Article_people"("B");

-- CreateIndex
CREATE UNIQUE INDEX "_Article_organizations_AB_unique" ON "_Article_organizations"("A", "B");

-- CreateIndex
CREATE INDEX "_Article_organizations_B_index" ON "_Article_organizations"("B");

-- CreateIndex
CREATE UNIQUE INDEX "_Article_places_AB_unique" ON "_Article_places"("A", "B");

-- CreateIndex
CREATE INDEX "_Article_places_B_index" ON "_Article_places"("B");

-- CreateIndex
CREATE UNIQUE INDEX "_Article_tags_AB_unique" ON "_Article_tags"("A", "B");

-- CreateIndex
CREATE INDEX "_Article_tags_B_index" ON "_Article_tags"("B");

-- CreateIndex
CREATE UNIQUE INDEX "_Article_sources_AB_unique" ON "_Article_sources"("A", "B");

-- CreateIndex
CREATE INDEX "_Article_sources_B_index" ON "_Article_sources"("B");

-- CreateIndex
CREATE UNIQUE INDEX "_Organization_memberOf_AB_unique" ON "_Organization_memberOf"("A", "B");

-- CreateIndex
CREATE INDEX "_Organization_memberOf_B_index" ON "_Organization_memberOf"("B");

-- CreateIndex
CREATE UNIQUE INDEX "_Organization_affiliatedPeople_AB_unique" ON "_Organization_affiliatedPeople"("A", "B");

-- CreateIndex
CREATE INDEX "_Organization_affiliatedPeople_B_index" ON "_Organization_affiliatedPeople"("B");
