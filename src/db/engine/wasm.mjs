// @ts-check
// Loads Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm, pinned in
// package.json to the engine of Prisma 7.10; re-pin it on every Prisma upgrade).
// The package's entry does `import * as wasm from "./schema_engine_bg.wasm"`, which Node 20
// cannot do, so this does by hand what that entry does: instantiate the .wasm with the JS glue
// module as its import object, hand the instance back to the glue, run the start function.
/** @import * as Bg from '@prisma/schema-engine-wasm/schema_engine_bg' */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)

/** The message of the last Rust panic; the glue code reports it here before trapping. */
let lastPanic = ''

// Must exist before the engine runs, or a panic loses its message (the glue calls
// `global.PRISMA_WASM_PANIC_REGISTRY.set_message(msg)`).
Object.assign(globalThis, {
  PRISMA_WASM_PANIC_REGISTRY: {
    set_message: (/** @type {string} */ message) => void (lastPanic = message),
  },
})

/** Returns the panic message recorded since the last call, if any. */
export function takePanicMessage() {
  const message = lastPanic
  lastPanic = ''
  return message
}

/** @type {Promise<typeof Bg> | undefined} */
let loading

/** The initialised wasm module: `SchemaEngine` and `version()`. Loaded once per process. */
export function loadSchemaEngineWasm() {
  loading ??= (async () => {
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')
    /** @type {typeof Bg & { __wbg_set_wasm(exports: WebAssembly.Exports): void }} */
    const glue = await import(pathToFileURL(gluePath).href)
    const bytes = await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'))
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue })
    glue.__wbg_set_wasm(instance.exports)
    const start = /** @type {() => void} */ (instance.exports.__wbindgen_start)
    start()
    return glue
  })()
  return loading
}
