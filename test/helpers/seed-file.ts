/**
 * A small parser for the printed ANTARA wire format, used by tests to check seed data against the
 * stored copy of a story. It knows the format, not any story:
 *
 *   Vilnius, Lithuania (ANTARA) - First paragraph…      ← dateline and agency, then paragraph 1
 *   <blank line>
 *   Next paragraph…
 *   Baca juga: Label                                    ← read-also, after the paragraph above
 *   …
 *   Sumber: Credit                                      ← footer starts here
 *   Baca juga: Label                                    ← read-also at the end
 *   Pewarta: Name[, Name]
 *   Editor: Name[, Name]
 *   COPYRIGHT © AGENCY YEAR
 *
 * Paragraphs are kept byte for byte (no Unicode normalisation, and only ASCII spaces, tabs and
 * CR are trimmed from line ends, so a no-break space inside a line survives). Consecutive body
 * lines with no blank line between them are joined with a single space (hard-wrapped text).
 * The parser is strict: a missing or repeated field, or body text after the footer, throws.
 */
import { readFileSync } from 'node:fs'

export type ReadAlso = { label: string; afterParagraph: number | 'end' }

export type ParsedWireStory = {
  /** Dateline as printed before the agency tag, e.g. `Vilnius, Lithuania`. */
  dateline: string
  /** Agency tag in parentheses, e.g. `ANTARA`. */
  agency: string
  /** Body paragraphs; paragraph 1 without the dateline prefix. */
  paragraphs: string[]
  /** "Baca juga:" lines: after which paragraph (1-based) they stand, or 'end' after `Sumber:`. */
  readAlso: ReadAlso[]
  /** Text after `Sumber:`. */
  source: string
  /** Names after `Pewarta:`. */
  reporters: string[]
  /** Names after `Editor:`. */
  editors: string[]
  /** The whole copyright line. */
  copyright: string
}

/** `Dateline (AGENCY) - text`; ANTARA uses a hyphen, but en/em dashes are accepted too. */
const DATELINE = /^(.+?) \(([^()]+)\) [-\u2013\u2014] (.+)$/
const READ_ALSO = /^Baca juga\s*:\s*(.*)$/i
const SOURCE = /^Sumber\s*:\s*(.*)$/i
const REPORTERS = /^Pewarta\s*:\s*(.*)$/i
const EDITORS = /^Editor\s*:\s*(.*)$/i
const COPYRIGHT = /^COPYRIGHT\b/i

/** Trim ASCII whitespace only: `String.prototype.trim` would also eat no-break spaces. */
function trimAscii(text: string): string {
  return text.replace(/^[ \t\r]+|[ \t\r]+$/g, '')
}

/** Split a byline list: `A, B`, `A/B`, `A & B` or `A dan B`. */
function splitNames(text: string): string[] {
  return text
    .split(/\s*(?:,|\/|&|\bdan\b)\s*/)
    .map(trimAscii)
    .filter(name => name.length > 0)
}

export function parseAntaraWire(text: string): ParsedWireStory {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .map(trimAscii)

  let dateline: string | undefined
  let agency: string | undefined
  const paragraphs: string[] = []
  const readAlso: ReadAlso[] = []
  let source: string | undefined
  let reporters: string[] | undefined
  let editors: string[] | undefined
  let copyright: string | undefined
  let inFooter = false
  // True while the previous line was body text of the paragraph being built.
  let continuesParagraph = false

  const once = <T>(current: T | undefined, value: T, label: string, lineNo: number): T => {
    if (current !== undefined) throw new Error(`line ${lineNo}: second "${label}" line`)
    return value
  }
  const nonEmpty = (value: string, label: string, lineNo: number): string => {
    if (value.length === 0) throw new Error(`line ${lineNo}: empty "${label}" field`)
    return value
  }

  lines.forEach((line, index) => {
    const lineNo = index + 1
    if (line.length === 0) {
      continuesParagraph = false
      return
    }
    let match: RegExpMatchArray | null

    if ((match = line.match(READ_ALSO))) {
      const label = nonEmpty(match[1] ?? '', 'Baca juga', lineNo)
      if (paragraphs.length === 0)
        throw new Error(`line ${lineNo}: "Baca juga" before any paragraph`)
      readAlso.push({ label, afterParagraph: inFooter ? 'end' : paragraphs.length })
    } else if ((match = line.match(SOURCE))) {
      source = once(source, nonEmpty(match[1] ?? '', 'Sumber', lineNo), 'Sumber', lineNo)
      inFooter = true
    } else if ((match = line.match(REPORTERS))) {
      const names = splitNames(nonEmpty(match[1] ?? '', 'Pewarta', lineNo))
      reporters = once(reporters, names, 'Pewarta', lineNo)
      inFooter = true
    } else if ((match = line.match(EDITORS))) {
      editors = once(
        editors,
        splitNames(nonEmpty(match[1] ?? '', 'Editor', lineNo)),
        'Editor',
        lineNo
      )
      inFooter = true
    } else if (COPYRIGHT.test(line)) {
      copyright = once(copyright, line, 'COPYRIGHT', lineNo)
      inFooter = true
    } else if (inFooter) {
      throw new Error(`line ${lineNo}: body text after the footer started: ${JSON.stringify(line)}`)
    } else if (continuesParagraph) {
      paragraphs[paragraphs.length - 1] += ` ${line}`
      return
    } else if (paragraphs.length === 0) {
      match = line.match(DATELINE)
      if (!match) {
        throw new Error(`line ${lineNo}: first paragraph lacks a "Dateline (AGENCY) - " prefix`)
      }
      dateline = match[1]
      agency = match[2]
      paragraphs.push(match[3] ?? '')
      continuesParagraph = true
      return
    } else {
      paragraphs.push(line)
      continuesParagraph = true
      return
    }
    continuesParagraph = false
  })

  if (dateline === undefined || agency === undefined) throw new Error('no paragraphs found')
  if (source === undefined) throw new Error('no "Sumber:" line')
  if (reporters === undefined) throw new Error('no "Pewarta:" line')
  if (editors === undefined) throw new Error('no "Editor:" line')
  if (copyright === undefined) throw new Error('no COPYRIGHT line')

  return { dateline, agency, paragraphs, readAlso, source, reporters, editors, copyright }
}

/** Read a stored wire story (UTF-8) and parse it. */
export function readAntaraWireFile(filePath: string): ParsedWireStory {
  return parseAntaraWire(readFileSync(filePath, 'utf8'))
}
