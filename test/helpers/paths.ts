import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** Files the tests read, kept inside the repository so a clone anywhere runs its tests. */
export const fixturesDir = path.resolve(repoRoot, 'test/fixtures')
/** The ANTARA wire story as delivered (verbatim copy of the design's seed file). */
export const seedFile = path.resolve(fixturesDir, 'antara/antara-kishida-nato-2023-07-12.txt')
/** The content model the lists implement (verbatim copy of the design document). */
export const contentModelFile = path.resolve(fixturesDir, 'design/content-model.md')
