// Only assembles the lists; each one lives in src/lists/<list>.ts.
import type { Lists } from './generated/keystone/types'
import * as lists from './src/lists'
import { withContentPublishing } from './src/content/hooks'

// Every write to a list readers can see republishes the live copies it changes (src/content).
export const schema = withContentPublishing({ ...lists } satisfies Lists)
