// @ts-check
// JSON-RPC 2.0 over stdin/stdout, one message per line: how the Prisma CLI talks to its schema
// engine. Requests are answered in order. The engine may also send requests of its own to the
// CLI (`print`), whose responses arrive on stdin between the CLI's requests.
import readline from 'node:readline'

/**
 * @typedef {{ print(content: string): Promise<void> }} Peer  requests the engine can make
 * @typedef {(method: string, params: any, peer: Peer) => Promise<unknown>} Handler
 */

/** An error the CLI must report as an engine panic (then the engine exits, as a panic does). */
export class PanicError extends Error {}

/** A method the engine does not have: JSON-RPC's "method not found". */
export class MethodNotFoundError extends Error {}

/**
 * Serves until the CLI closes stdin; resolves once every request has been answered.
 * @param {Handler} handle
 */
export function serve(handle) {
  /** @type {Map<string, () => void>} */
  const awaitingResponse = new Map()
  let printed = 0
  let queue = Promise.resolve()
  const send = (/** @type {object} */ message) =>
    process.stdout.write(JSON.stringify({ jsonrpc: '2.0', ...message }) + '\n')

  /** @type {Peer} */
  const peer = {
    print: content =>
      new Promise(resolve => {
        const id = `print-${++printed}`
        awaitingResponse.set(id, resolve)
        send({ id, method: 'print', params: { content } })
      }),
  }

  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
  lines.on('line', line => {
    if (!line.trim()) return
    let message
    try {
      message = JSON.parse(line)
    } catch {
      send({ id: null, error: { code: -32700, message: `Parse error: ${line.slice(0, 200)}` } })
      return
    }
    if (message.method === undefined) {
      // A response to one of our own requests.
      awaitingResponse.get(message.id)?.()
      awaitingResponse.delete(message.id)
      return
    }
    queue = queue.then(async () => {
      try {
        // Void methods still need a `result`, or the CLI rejects the response.
        send({ id: message.id, result: (await handle(message.method, message.params, peer)) ?? {} })
      } catch (error) {
        send({ id: message.id, error: toRpcError(error) })
        if (error instanceof PanicError) process.exit(101)
      }
    })
  })
  // The CLI ends a session by closing stdin and, on Unix, sending SIGTERM right after: both mean
  // "finish what was asked, then stop", so that the caller can close the database cleanly.
  process.once('SIGTERM', () => lines.close())
  return new Promise(resolve => lines.on('close', () => resolve(queue)))
}

/**
 * The error shape of the native engine, which the CLI prints as
 * "<error_code>\n\n<message>" (or as a panic report when `is_panic` is set).
 * @param {any} error
 */
function toRpcError(error) {
  const message = withoutSpanTrace(String(error?.message ?? error))
  if (error instanceof MethodNotFoundError) return { code: -32601, message }
  if (error instanceof PanicError) {
    return { code: 4466, message, data: { is_panic: true, message, backtrace: null } }
  }
  return {
    code: 4466,
    message: 'An error happened. Check the data field for details.',
    data: { is_panic: false, message, meta: error?.meta ?? null, error_code: error?.code ?? null },
  }
}

/**
 * Engine error messages end with a Rust span trace ("   0: sql_schema_connector::…"), which
 * the native engine does not show users.
 * @param {string} message
 */
function withoutSpanTrace(message) {
  return message.split(/\n\s+0: \w+::/)[0]?.trimEnd() ?? message
}
