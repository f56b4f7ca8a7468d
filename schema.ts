// Only assembles the lists; each one lives in src/lists/<list>.ts.
import type { Lists } from './generated/keystone/types'
import * as lists from './src/lists'
import { withPageDrops } from './src/public/invalidate'
import { withContentPublishing } from './src/content/hooks'

// Every write to a list readers can see drops the public pages it changes (src/public) and
// republishes the live copies it changes (src/content).
export const schema = withContentPublishing(withPageDrops({ ...lists } satisfies Lists))
