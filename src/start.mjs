// @ts-check
// The production server, as `npm start` and the benchmark run it:
//   node src/start.mjs [--no-ui]
//
// It does what `keystone start` does (Keystone 8.1, packages/core/src/scripts/start.ts: load the
// built config and Prisma client, connect, create the Express + Apollo server, listen), with the
// same Keystone functions. Why not `keystone start` itself: Keystone's CLI module imports every
// command's dependencies up front (Next.js, esbuild, meow, …), which costs about 0.6 s and 20 MiB
// before anything else happens, even with --no-ui, where none of them is used. Here Next.js is
// loaded only when the Admin UI is served, and then through Keystone's own `start`, unchanged.
//
// The functions come from Keystone's "internal, will break in patch" entry point: the version is
// pinned exactly in package.json, and every HTTP test (test/helpers/server.ts) starts this file.
import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import path from 'node:path'

// What other paths answer until Keystone is ready (src/content/early.ts serves the Content API).
const STARTING = JSON.stringify({
  errors: [
    { message: 'Warta is starting; try again in a moment', extensions: { code: 'UNAVAILABLE' } },
  ],
})
const CONTENT_PATH = '/api/content/graphql'

const noUi = process.argv.slice(2).includes('--no-ui')
const unknown = process.argv.slice(2).filter(arg => arg !== '--no-ui')
if (unknown.length > 0) {
  console.error(`Unknown arguments: ${unknown.join(' ')}\nUsage: node src/start.mjs [--no-ui]`)
  process.exit(1)
}

if (noUi) {
  await startApi(process.cwd()).catch(error => {
    console.error(error)
    process.exit(1)
  })
} else {
  // With the Admin UI, Next.js is needed anyway: Keystone's own `start`, as before.
  process.argv.splice(2, process.argv.length, 'start')
  await import('@keystone-6/core/scripts')
}

/**
 * Keystone's `start` without the Admin UI: the same steps in the same order, except that the
 * server listens first. Until Keystone is ready (about a second), /api/content/graphql is
 * answered by the Content API on its own read connection, and every other request gets 503
 * with Retry-After: 1. Then every request goes to Keystone's Express app, as before.
 * @param {string} cwd  the project root (where .keystone/ is)
 */
async function startApi(cwd) {
  console.log('✨ Starting Keystone')
  const built = (/** @type {string} */ file) => {
    const full = path.join(cwd, '.keystone', file)
    if (!existsSync(full)) throw new Error('You need to run "keystone build"')
    return createRequire(full)(full)
  }
  const config = built('config.js')
  const content = config.earlyContent()
  /** @type {((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void) | null} */
  let app = null
  const server = createServer((req, res) => {
    if (app) return app(req, res)
    const pathname = (req.url ?? '/').split('?')[0]
    if (content && (pathname === CONTENT_PATH || pathname === `${CONTENT_PATH}/`))
      return content(req, res)
    res.writeHead(503, {
      'retry-after': '1',
      'cache-control': 'no-store',
      'content-type': 'application/json; charset=utf-8',
    })
    res.end(STARTING)
  })

  // As Keystone: PORT and HOST from the environment win over the config.
  const options = config.default.server?.options ?? {}
  if ('PORT' in process.env) options.port = parseInt(process.env.PORT || '')
  if ('HOST' in process.env) options.host = process.env.HOST || ''
  options.port ??= 3000
  const where = () => {
    const host = [undefined, '', '::', '0.0.0.0'].includes(options.host)
      ? 'localhost'
      : options.host
    return `${options.host || ''}:${options.port} (http://${host}:${options.port}/)`
  }
  if (content) {
    await new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen(options, () => resolve(undefined))
    })
    console.log(`⚡ Content API answering on ${where()}; the rest is starting`)
  }

  const { createSystem, createExpressServer } =
    await import('@keystone-6/core/___internal-do-not-use-will-break-in-patch/artifacts')
  const system = createSystem(config.default)
  const keystone = system.getKeystone(built('prisma.js'))
  console.log('✨ Connecting to the database')
  await keystone.connect()
  console.log('✨ Creating server')
  const { expressServer, httpServer } = await createExpressServer(system.config, keystone.context)
  // Keystone's server.extendHttpServer hooks its own server: hand it upgrades (websockets).
  server.on('upgrade', (...args) => httpServer.emit('upgrade', ...args))
  app = expressServer
  console.log('✅ GraphQL API ready')
  if (content) console.log(`⭐️ Server listening on ${where()}`)
  else server.listen(options, () => console.log(`⭐️ Server listening on ${where()}`))
}
