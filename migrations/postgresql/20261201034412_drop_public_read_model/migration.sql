-- DropTable
DROP TABLE "PublicPage";

-- DropTable
DROP TABLE "PublicPageEpoch";

-- DropTable
DROP TABLE "PublicPageRef";
