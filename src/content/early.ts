// The Content API before Keystone has loaded (src/start.mjs): readers get stories while the
// staff GraphQL API and the Admin UI are still starting.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { productionProblems } from '../env'
import { contentHandler } from './http'

/**
 * The shared Content API handler, or null when it must wait for Keystone: production settings
 * Keystone will refuse (it exits with the list), or no database to read yet (the SQLite file is
 * created and migrated by `npm start` before the server; Keystone reports what is wrong).
 */
export function earlyContent(): ((req: IncomingMessage, res: ServerResponse) => void) | null {
  if (productionProblems().length > 0) return null
  try {
    return contentHandler()
  } catch (error) {
    console.error(
      `Content API waits for Keystone: ${error instanceof Error ? error.message : error}`
    )
    return null
  }
}
