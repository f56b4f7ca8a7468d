-- CreateTable
CREATE TABLE "ArticleRevision" (
    "id" TEXT NOT NULL,
    "article" TEXT,
    "version" INTEGER NOT NULL,
    "action" TEXT NOT NULL DEFAULT '',
    "actor" TEXT,
    "actorName" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "snapshot" JSONB,
    "contentHash" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ArticleRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ArticleRevision_article_idx" ON "ArticleRevision"("article");

-- CreateIndex
CREATE INDEX "ArticleRevision_actor_idx" ON "ArticleRevision"("actor");

-- CreateIndex
CREATE INDEX "ArticleRevision_article_version_idx" ON "ArticleRevision"("article", "version");

-- AddForeignKey
ALTER TABLE "ArticleRevision" ADD CONSTRAINT "ArticleRevision_article_fkey" FOREIGN KEY ("article") REFERENCES "Article"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleRevision" ADD CONSTRAINT "ArticleRevision_actor_fkey" FOREIGN KEY ("actor") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
