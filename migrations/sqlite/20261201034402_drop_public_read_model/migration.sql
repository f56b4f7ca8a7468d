-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "PublicPage";
PRAGMA foreign_keys=on;

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "PublicPageEpoch";
PRAGMA foreign_keys=on;

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "PublicPageRef";
PRAGMA foreign_keys=on;
