// Pure calendar checks: a date as written must exist. JavaScript's Date rolls "2023-02-30" over
// to 2 March without a word; these rules refuse it instead.

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
// RFC 3339 date-time, as Keystone's DateTime scalar accepts it (seconds required).
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/i

/** Days in `month` (1–12) of `year`, Gregorian leap years included. */
export function daysInMonth(year: number, month: number): number {
  // Arithmetic, not Date.UTC: that reads years 0–99 as 1900–1999.
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31
}

function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/** True for a full date ("2023-07-12") that exists on the calendar: no 30 February, no month 13. */
export function isRealDate(value: string): boolean {
  const m = FULL_DATE.exec(value)
  return m !== null && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]))
}

/**
 * True for an RFC 3339 date-time whose date exists and whose time and offset are in range
 * (hours 0–23, minutes and seconds 0–59: a leap second cannot be stored).
 */
export function isRealDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value)
  if (!m) return false
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as number[]
  const inRange = hour! <= 23 && minute! <= 59 && second! <= 59
  const offsetOk = m[7] === undefined || (Number(m[7]) <= 23 && Number(m[8]) <= 59)
  return inRange && offsetOk && isRealDay(year!, month!, day!)
}
