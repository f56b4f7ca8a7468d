// Refusals in words, and no stack traces, in the Admin UI. Keystone 8's toasts for a failed save
// or action say only "Could not publish article", with the server's reason behind "Details",
// next to the browser's JavaScript stack of the client error; neither is configurable. So,
// once in the browser:
//  - Error.stackTraceLimit = 0: client errors carry no stack frames (Chromium, Node's V8);
//  - the Staff API's answers are read as they arrive, and the last refusal's message is kept;
//  - a critical toast raised just after a refusal gets the server's reason appended.
import { toastQueue } from '@keystar/ui/toast'
import type { ReactNode } from 'react'

const API = '/api/graphql'
// A refusal older than this is not the one the toast is about.
const FRESH_MS = 3000

let last: { message: string; at: number } | null = null

// The last refused write's messages per field ("Article.slug" → "is taken"), for the views
// that show a refusal next to the field it concerns (useFieldRefusal).
let byField = new Map<string, string>()
const listeners = new Set<() => void>()

/** `{ "Article.slug": "…" }` from Keystone's validation messages ("  - Article.slug: …"). */
export function fieldRefusals(errors: readonly { message?: unknown }[]): Map<string, string> {
  const found = new Map<string, string>()
  for (const error of errors) {
    if (typeof error.message !== 'string') continue
    for (const line of error.message.split('\n')) {
      const match = /^\s*-?\s*([A-Z]\w*\.\w+): (.+)$/.exec(line)
      if (match)
        found.set(match[1]!, [found.get(match[1]!), match[2]!.trim()].filter(Boolean).join(' '))
    }
  }
  return found
}

function setFieldRefusals(next: Map<string, string>) {
  if (next.size === 0 && byField.size === 0) return
  byField = next
  for (const listener of listeners) listener()
}

/** Subscribes to the field refusals; returns the unsubscribe. */
export function onFieldRefusals(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The refusal the last write got for the field (`headline`: any list's, as one item page
 * saves one list), or null. */
export function fieldRefusal(fieldKey: string): string | null {
  for (const [key, message] of byField) if (key.endsWith(`.${fieldKey}`)) return message
  return null
}

/** The refusal's words for people: one line per distinct message, Keystone's prefix dropped. */
export function refusalText(errors: readonly { message?: unknown }[]): string | null {
  const lines = new Set<string>()
  for (const error of errors) {
    if (typeof error.message !== 'string') continue
    for (const line of error.message.split('\n')) {
      const text = line
        .replace(/^\s*-\s*/, '')
        .replace(/^You provided invalid data for this operation\.?$/, '')
        .replace(/^[A-Z]\w*\.\w+: /, '')
        .trim()
      if (text) lines.add(text)
    }
  }
  return lines.size > 0 ? [...lines].join(' ') : null
}

async function watch(response: Response, isMutation: boolean) {
  try {
    const body = (await response.clone().json()) as { errors?: { message?: unknown }[] }
    const message = body.errors?.length ? refusalText(body.errors) : null
    if (message) last = { message, at: Date.now() }
    // A write's answer replaces the field notes: refused fields get theirs, a success clears.
    if (isMutation) setFieldRefusals(fieldRefusals(body.errors ?? []))
  } catch {
    // Not JSON: nothing to tell.
  }
}

/** Installs the three measures above; idempotent, and a no-op outside the browser. */
export function installPlainErrors() {
  if (typeof window === 'undefined' || (window as { __wartaPlain?: boolean }).__wartaPlain) return
  ;(window as { __wartaPlain?: boolean }).__wartaPlain = true
  ;(Error as { stackTraceLimit?: number }).stackTraceLimit = 0
  const fetch = window.fetch.bind(window)
  window.fetch = async (input, init) => {
    const response = await fetch(input, init)
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    // Apollo sends the document as JSON text: "query":"mutation …" (maybe after escaped spaces).
    const isMutation =
      typeof init?.body === 'string' && /"query":"(?:\\[nrt]|\s)*mutation\b/.test(init.body)
    if (url.includes(API)) await watch(response, isMutation)
    return response
  }
  const critical = toastQueue.critical.bind(toastQueue)
  toastQueue.critical = (children: ReactNode, options?: Parameters<typeof critical>[1]) => {
    const reason = last && Date.now() - last.at < FRESH_MS ? last.message : null
    last = null
    const title = typeof children === 'string' && reason ? `${children}: ${reason}` : children
    return critical(title, options)
  }
}
