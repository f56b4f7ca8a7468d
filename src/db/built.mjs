// @ts-check
// Keystone's build (.keystone/) holds one Prisma client, for the provider DATABASE_URL named when
// it was built. Started with the other provider's URL it would fail on the first query, with a
// message about driver adapters; this says what to do instead.
//   node src/db/built.mjs      exit 1 (and explain) if the build does not match DATABASE_URL
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { databaseProvider, databaseUrl } from './url.mjs'

/**
 * The provider of the built Prisma client, or null when there is no build.
 * @param {string} file  .keystone/prisma.js (what `keystone start` runs) or the generated client
 */
export function builtProvider(file) {
  if (!existsSync(file)) return null
  return readFileSync(file, 'utf8').match(/"activeProvider":\s*"(\w+)"/)?.[1] ?? null
}

/**
 * Why the build cannot serve the database `url` names, or null if it can.
 * @param {string} root  the project directory
 * @param {string} url  DATABASE_URL
 * @param {string} command  the command that builds, to name in the message
 */
export function buildMismatch(root, url = databaseUrl(), command = 'npm run build') {
  const wanted = databaseProvider(url)
  const built = builtProvider(path.join(root, '.keystone/prisma.js'))
  if (built === wanted) return null
  if (built === null) return `There is no Keystone build: run \`${command}\` first.`
  return (
    `The Keystone build is for ${built}, but DATABASE_URL is ${wanted}: ` +
    `run \`${command}\` with this DATABASE_URL first.`
  )
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const problem = buildMismatch(process.cwd())
    if (problem) {
      console.error(problem)
      process.exitCode = 1
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  }
}
