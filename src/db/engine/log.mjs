// @ts-check
// Diagnostics of the stand-in engine. stdout is the JSON-RPC channel, so everything here goes to
// stderr, one JSON object per line in the native engine's log format: the Prisma CLI parses these
// lines (it reads `fields.message`, keeps ERROR lines as the last error, and for `cli` commands
// requires every line after the first to be JSON).

const TARGET = 'schema_engine::logger'

/**
 * @param {'ERROR' | 'WARN' | 'INFO' | 'DEBUG'} level
 * @param {string} message
 * @param {Record<string, unknown>} [fields]
 */
export function log(level, message, fields = {}) {
  const line = {
    timestamp: new Date().toISOString(),
    level,
    fields: { message, ...fields },
    target: TARGET,
  }
  process.stderr.write(JSON.stringify(line) + '\n')
}

/** Forwards a log line of the wasm engine (already JSON) to stderr unchanged. */
export function forwardEngineLog(/** @type {unknown} */ line) {
  process.stderr.write(String(line).trimEnd() + '\n')
}

/** A user-facing error with a Prisma error code (P1003, P3018…), as the native engine reports. */
export class EngineError extends Error {
  /**
   * @param {string} code
   * @param {string} message
   * @param {Record<string, unknown>} [meta]
   */
  constructor(code, message, meta = {}) {
    super(message)
    this.name = 'EngineError'
    this.code = code
    this.meta = meta
  }
}
