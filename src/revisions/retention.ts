// The retention setting (docs/operations.md): WARTA_REVISIONS_KEEP_SAVES=N keeps each story's
// last N "save" revisions; publications, workflow actions and restores are always kept. Unset or
// empty: every revision is kept (the default). Read on each write, so a restart is not needed.

/** N, or null for "keep every save". Throws on a value that is not a whole number ≥ 1. */
export function keepSaves(value = process.env.WARTA_REVISIONS_KEEP_SAVES): number | null {
  if (value === undefined || value.trim() === '') return null
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(
      `WARTA_REVISIONS_KEEP_SAVES must be a whole number of saves (1 or more), or unset to keep all; got "${value}"`
    )
  }
  return n
}
