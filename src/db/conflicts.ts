// Database errors in the newsroom's words. A write that breaks a rule the database keeps (a
// unique slug or email, a reference) or that could not get its turn is refused with a sentence
// a person can act on; the driver's own text (Prisma's invocation dump, SQLITE_…, SQLSTATE)
// is for the server log only.

type Loose = {
  name?: unknown
  code?: unknown
  message?: unknown
  meta?: Record<string, unknown>
  cause?: unknown
}

const words = (identifier: string) =>
  identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase()

/** The unique field(s) and model a unique violation names, as far as the error tells. */
function uniqueTarget(error: Loose): { model?: string; fields: string[] } {
  const meta = error.meta ?? {}
  const adapter = (meta.driverAdapterError as { cause?: Loose } | undefined)?.cause as
    { constraint?: { fields?: string[] }; table?: string } | undefined
  const target = meta.target
  let fields: string[] = []
  if (Array.isArray(adapter?.constraint?.fields)) fields = adapter.constraint.fields
  else if (Array.isArray(target)) fields = target.map(String)
  else if (typeof target === 'string') fields = [target.replace(/^\w+?_(\w+)_key$/, '$1')]
  else {
    const quoted = /fields: \(([^)]*)\)/.exec(String(error.message))?.[1]
    if (quoted) fields = quoted.split(',').map(f => f.replace(/[`"\s]/g, ''))
  }
  const model =
    (typeof meta.modelName === 'string' && meta.modelName) ||
    adapter?.table ||
    /prisma\.(\w+)\.\w+\(/.exec(String(error.message))?.[1]
  return { ...(model && { model: String(model) }), fields: fields.map(f => f.split('.').pop()!) }
}

/** Whether the error comes from the database or its driver (Prisma, better-sqlite3, pg). */
export function isDatabaseError(error: unknown): boolean {
  const e = (error ?? {}) as Loose
  const name = String(e.name ?? '')
  const code = String(e.code ?? '')
  return (
    name.startsWith('Prisma') ||
    name === 'DriverAdapterError' ||
    name === 'SqliteError' ||
    name === 'DatabaseError' ||
    /^P\d{4}$/.test(code) ||
    code.startsWith('SQLITE_') ||
    /^[0-9A-Z]{5}$/.test(code)
  )
}

const BUSY =
  'The newsroom database is busy and this change could not get its turn. Nothing was saved: ' +
  'try again in a moment.'

/** The sentence for a database error (see isDatabaseError); never the driver's own text. */
export function conflictMessage(error: unknown): string {
  const e = (error ?? {}) as Loose
  const code = String(e.code ?? '')
  const message = String(e.message ?? '')
  const adapterCause = (e.meta?.driverAdapterError as { cause?: { kind?: string } } | undefined)
    ?.cause
  const kind = String((e.cause as { kind?: string } | undefined)?.kind ?? adapterCause?.kind ?? '')
  if (
    code === 'P2002' ||
    kind === 'UniqueConstraintViolation' ||
    code === '23505' ||
    code.startsWith('SQLITE_CONSTRAINT_UNIQUE') ||
    /unique constraint/i.test(message)
  ) {
    const { model, fields } = uniqueTarget(e)
    const what = model ? words(model) : 'record'
    const article = /^[aeio]/.test(what) ? 'An' : 'A' // a user, an organization
    const field = fields.length > 0 ? fields.map(words).join(' and ') : 'value'
    return `${article} ${what} with this ${field} already exists. Nothing was saved.`
  }
  if (
    code === 'P2003' ||
    code === 'P2014' ||
    kind === 'ForeignKeyConstraintViolation' ||
    code === '23503' ||
    code.startsWith('SQLITE_CONSTRAINT_FOREIGNKEY')
  ) {
    return (
      'This change would break a link between records (something still refers to it, or it ' +
      'refers to something that does not exist). Nothing was saved.'
    )
  }
  if (code === 'P2025' || code === 'P2001') {
    return 'What this change refers to no longer exists. Nothing was saved.'
  }
  if (
    code === 'P2034' ||
    code === '40001' ||
    code === '40P01' ||
    /deadlock|could not serialize/i.test(message)
  ) {
    return 'Someone else changed the same records at the same moment. Nothing was saved: try again.'
  }
  if (
    code === 'P2028' ||
    code === 'P1008' ||
    kind === 'SocketTimeout' ||
    code.startsWith('SQLITE_BUSY') ||
    /transaction|timed out|timeout|SQLITE_BUSY|database is locked/i.test(message)
  ) {
    return BUSY
  }
  if (['P1001', 'P1002', 'P1017', 'P2024'].includes(code) || /^08/.test(code)) {
    return 'The newsroom database cannot be reached right now. Try again in a moment.'
  }
  if (code === 'P2000' || code === '22001') {
    return 'A value is too long for the database. Nothing was saved.'
  }
  if (code === 'P2011' || kind === 'NullConstraintViolation' || code === '23502') {
    return 'A required value is missing. Nothing was saved.'
  }
  return 'The database refused this change. Nothing was saved.'
}
