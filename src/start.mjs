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
// Without the Admin UI it also listens before Keystone has loaded: the Content API answers on its
// own read connection (src/content/early.ts) while the rest gets 503 + Retry-After (startApi).
//
// The functions come from Keystone's "internal, will break in patch" entry point: the version is
// pinned exactly in package.json, and every HTTP test (test/helpers/server.ts) starts this file.
import { existsSync } from 'node:fs'
import { createServer, Server } from 'node:http'
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
  // With the Admin UI, Next.js is needed anyway: Keystone's own `start`, which creates its own
  // server and listens when all is loaded. The early server already holds the port, so that
  // listen is turned into a hand-over: the early server passes every request to Keystone's.
  const early = await listenEarly(process.cwd()).catch(error => {
    console.error(error)
    process.exit(1)
  })
  if (early) {
    const listen = Server.prototype.listen
    Server.prototype.listen = /** @type {any} */ (
      function (/** @type {any[]} */ ...args) {
        // Only Keystone's listen on the early server's port (Next.js may have servers of its own).
        if (Number(args[0]?.port) !== early.port)
          return listen.apply(this, /** @type {any} */ (args))
        Server.prototype.listen = listen
        early.handOver(this)
        const callback = args.find(arg => typeof arg === 'function')
        if (callback) process.nextTick(callback)
        return this
      }
    )
  }
  process.argv.splice(2, process.argv.length, 'start')
  await import('@keystone-6/core/scripts')
}

/**
 * Loads the built config and, when the Content API can serve (src/content/early.ts), listens at
 * once: /api/content/graphql is answered on the Content API's own read connection, every other
 * request gets 503 with Retry-After: 1 until `handOver` names Keystone's server; from then on
 * every request and upgrade goes to that server, as if it were listening itself.
 * @param {string} cwd  the project root (where .keystone/ is)
 */
async function listenEarly(cwd) {
  const full = path.join(cwd, '.keystone', 'config.js')
  if (!existsSync(full)) throw new Error('You need to run "keystone build"')
  const config = createRequire(full)(full)
  const content = config.earlyContent()
  if (!content) return null
  /** @type {Server | null} */
  let keystone = null
  const server = createServer((req, res) => {
    if (keystone) return void keystone.emit('request', req, res)
    const pathname = (req.url ?? '/').split('?')[0]
    if (pathname === CONTENT_PATH || pathname === `${CONTENT_PATH}/`) return content(req, res)
    res.writeHead(503, {
      'retry-after': '1',
      'cache-control': 'no-store',
      'content-type': 'application/json; charset=utf-8',
    })
    res.end(STARTING)
  })
  server.on('upgrade', (req, socket, head) =>
    keystone ? keystone.emit('upgrade', req, socket, head) : socket.destroy()
  )
  // As Keystone: PORT and HOST from the environment win over the config.
  const options = { port: 3000, ...config.default.server?.options }
  if ('PORT' in process.env) options.port = parseInt(process.env.PORT || '')
  if ('HOST' in process.env) options.host = process.env.HOST || ''
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options, () => resolve(undefined))
  })
  console.log(
    `⚡ Content API answering on ${options.host || ''}:${options.port}; the rest is starting`
  )
  return {
    server,
    port: options.port,
    /** @param {Server} target */
    handOver(target) {
      keystone = target
    },
  }
}

/**
 * Keystone's `start` without the Admin UI: the same steps in the same order, but the server
 * listens first when it can (listenEarly).
 * @param {string} cwd  the project root (where .keystone/ is)
 */
async function startApi(cwd) {
  console.log('✨ Starting Keystone')
  const early = await listenEarly(cwd)
  const { createSystem, createExpressServer } =
    await import('@keystone-6/core/___internal-do-not-use-will-break-in-patch/artifacts')
  const built = (/** @type {string} */ file) =>
    createRequire(path.join(cwd, '.keystone', file))(path.join(cwd, '.keystone', file))
  const system = createSystem(built('config.js').default)
  const keystone = system.getKeystone(built('prisma.js'))
  console.log('✨ Connecting to the database')
  await keystone.connect()
  console.log('✨ Creating server')
  const { httpServer } = await createExpressServer(system.config, keystone.context)
  console.log('✅ GraphQL API ready')

  // As Keystone: PORT and HOST from the environment win over the config.
  const options = system.config.server.options
  if ('PORT' in process.env) options.port = parseInt(process.env.PORT || '')
  if ('HOST' in process.env) options.host = process.env.HOST || ''
  const listening = () => {
    const host = [undefined, '', '::', '0.0.0.0'].includes(options.host)
      ? 'localhost'
      : options.host
    console.log(
      `⭐️ Server listening on ${options.host || ''}:${options.port} (http://${host}:${options.port}/)`
    )
  }
  if (early) {
    early.handOver(httpServer)
    listening()
  } else httpServer.listen(options, listening)
}
