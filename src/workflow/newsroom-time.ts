// Dates and times as the newsroom writes them: 24-hour clock, day month year, in the newsroom's
// time zone (WARTA_TIME_ZONE, an IANA name; default Asia/Jakarta) whatever the reader's browser
// says. Pure apart from reading the environment once; shared by the server and the Admin UI.

export const DEFAULT_TIME_ZONE = 'Asia/Jakarta'

// Indonesia's zones by their own abbreviations; Intl would say "GMT+7".
const ABBREVIATIONS: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
}

/** `name` when Intl knows it as a time zone, else the default (a typo must not break pages). */
export function newsroomTimeZone(name: string | undefined = process.env.WARTA_TIME_ZONE): string {
  if (!name) return DEFAULT_TIME_ZONE
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name })
    return name
  } catch {
    return DEFAULT_TIME_ZONE
  }
}

/**
 * "1 Dec 2026, 10:42 WIB" for an ISO timestamp (or Date) in `timeZone`; "" for null or an
 * unreadable value. `dateOnly` drops the time.
 */
export function newsroomTime(
  value: string | Date | null | undefined,
  timeZone: string = DEFAULT_TIME_ZONE,
  { dateOnly = false }: { dateOnly?: boolean } = {}
): string {
  if (value === null || value === undefined) return ''
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(date)
  if (dateOnly) return day
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date)
  const zone =
    ABBREVIATIONS[timeZone] ??
    new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' })
      .formatToParts(date)
      .find(part => part.type === 'timeZoneName')?.value ??
    timeZone
  return `${day}, ${time} ${zone}`
}
