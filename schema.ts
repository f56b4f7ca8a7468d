// Only assembles the lists; each one lives in src/lists/<list>.ts.
import type { Lists } from './generated/keystone/types'
import * as lists from './src/lists'

export const schema = { ...lists } satisfies Lists
