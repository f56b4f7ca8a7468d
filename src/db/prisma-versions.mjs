// @ts-check
// Prisma ships as several packages that must move together: the CLI (`prisma`, which generates
// the client and plans migrations through its engine), the client runtime, the driver adapters,
// and the schema engine that src/db/engine runs in WebAssembly in place of the CLI's native
// binary. Their versions drifting apart (CLI 7.10.1 with engine 7.10.0 was seen) means migrations
// planned by one engine and applied beside another; this check fails when they disagree.
//   node src/db/prisma-versions.mjs     exit 1 and say which versions disagree
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The Prisma packages Warta depends on directly, which must all carry the CLI's version. */
export const RELEASE_PACKAGES = [
  'prisma',
  '@prisma/client',
  '@prisma/adapter-better-sqlite3',
  '@prisma/adapter-pg',
  '@prisma/driver-adapter-utils',
]

/**
 * The installed version of `name` as Node would find it from the directory `from`: the nearest
 * node_modules/<name> up the tree (read directly: some packages do not export package.json).
 * @param {string} name
 * @param {string} from
 * @returns {string}
 */
function installed(name, from) {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', name, 'package.json')
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')).version
    if (path.dirname(dir) === dir) throw new Error(`${name} is not installed under ${from}`)
  }
}

/** The directory `name` is installed in, as seen from `from`. */
function packageDir(/** @type {string} */ name, /** @type {string} */ from) {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name)
    if (existsSync(path.join(candidate, 'package.json'))) return candidate
    if (path.dirname(dir) === dir) throw new Error(`${name} is not installed under ${from}`)
  }
}

/**
 * The disagreements between the installed Prisma packages under `root`, as sentences; empty when
 * they agree. The schema engine's version ("7.10.0-4.<commit>") must equal the engine version the
 * CLI was released with (@prisma/engines-version, a dependency of the CLI's @prisma/engines).
 * @param {string} root  the project directory (holding node_modules)
 * @returns {string[]}
 */
export function prismaVersionProblems(root) {
  const cli = installed('prisma', root)
  const problems = RELEASE_PACKAGES.filter(name => installed(name, root) !== cli).map(
    name => `${name} is ${installed(name, root)}, but the Prisma CLI is ${cli}`
  )
  const enginesDir = packageDir('@prisma/engines', packageDir('prisma', root))
  const cliEngine = installed('@prisma/engines-version', enginesDir)
  const wasmEngine = installed('@prisma/schema-engine-wasm', root)
  if (wasmEngine !== cliEngine) {
    problems.push(
      `@prisma/schema-engine-wasm is ${wasmEngine}, but Prisma ${cli} was released with engine ` +
        `${cliEngine}: pin @prisma/schema-engine-wasm to ${cliEngine}`
    )
  }
  return problems
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = prismaVersionProblems(process.cwd())
  if (problems.length > 0) {
    console.error(`Prisma packages disagree:\n- ${problems.join('\n- ')}`)
    process.exitCode = 1
  } else {
    console.log('Prisma packages agree')
  }
}
