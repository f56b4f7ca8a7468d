// @ts-check
// Before the browser journeys (`npm run test:e2e`): make sure a production Admin UI build exists,
// is for the provider DATABASE_URL names, and is newer than the code it was built from; build it
// (`keystone build`, about 40 s) when not, instead of letting Next.js fail with its own message.
//   node scripts/ensure-ui-build.mjs
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { buildMismatch } from '../src/db/built.mjs'

const root = process.cwd()
// Next.js writes BUILD_ID for production builds only (`keystone dev` leaves none).
const buildId = path.join(root, '.keystone/admin/.next/BUILD_ID')
const SOURCES = ['keystone.ts', 'schema.ts', 'admin', 'src']

/**
 * The newest modification time (ms since the epoch) under `entry`, skipping nothing but missing
 * paths. Iterative, so a deep tree costs no stack.
 * @param {string} entry
 */
function newest(entry) {
  let latest = 0
  const stack = [entry]
  while (stack.length > 0) {
    const current = /** @type {string} */ (stack.pop())
    if (!existsSync(current)) continue
    const stat = statSync(current)
    latest = Math.max(latest, stat.mtimeMs)
    if (stat.isDirectory())
      for (const name of readdirSync(current)) stack.push(path.join(current, name))
  }
  return latest
}

/** Why the Admin UI must be built before the journeys, or null when the build is current. */
function reasonToBuild() {
  if (!existsSync(buildId)) return 'there is no production Admin UI build'
  const mismatch = buildMismatch(root)
  if (mismatch) return mismatch
  const built = statSync(buildId).mtimeMs
  const changed = SOURCES.find(source => newest(path.join(root, source)) > built)
  return changed ? `${changed} changed since the last build` : null
}

const reason = reasonToBuild()
if (reason) {
  console.log(`Building the Admin UI first (${reason}; about 40 s)…`)
  const result = spawnSync('npx', ['keystone', 'build'], { stdio: 'inherit', cwd: root })
  process.exitCode = result.status ?? 1
}
