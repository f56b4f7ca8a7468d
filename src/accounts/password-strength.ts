// Common and guessable passwords are refused when a password is set (create or change).
// zxcvbn-ts with the common-language dictionary (≈50 000 leaked passwords, diceware words and
// keyboard patterns): a password scoring below 3 ("safely unguessable: moderate protection",
// about 10^8 guesses) is refused; every password of the common list scores 0.
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common'

export const MIN_PASSWORD_SCORE = 3
/** bcrypt reads 72 bytes; longer passwords are refused by the field before this check. */
const MAX_CHECKED_LENGTH = 72

// Built on first use: the ranked dictionaries take ~0.1 s and a few MB, which a server that
// never sets a password need not pay.
let zxcvbn: ZxcvbnFactory | undefined

// zxcvbn's warnings are translation keys; English for the ones a newsroom will meet.
const WARNINGS: Record<string, string> = {
  topTen: 'it is one of the most common passwords',
  topHundred: 'it is one of the most common passwords',
  common: 'it is on a list of common passwords',
  similarToCommon: 'it is a common password with small changes',
  wordByItself: 'a single word is easy to guess',
  userInputs: 'it is made from the account’s name or e-mail',
  straightRow: 'it is a row of keys',
  keyPattern: 'it is a keyboard pattern',
  simpleRepeat: 'it repeats characters',
  extendedRepeat: 'it repeats a pattern',
  sequences: 'it is a sequence like abc or 123',
  recentYears: 'it relies on a recent year',
  dates: 'it relies on a date',
}

/**
 * Why `password` may not be used, or undefined when it may. `userInputs` (the account's e-mail
 * and name) count as known words: a password built from them is weak.
 */
export function weakPasswordProblem(
  password: string,
  userInputs: readonly string[] = []
): string | undefined {
  if (password.length > MAX_CHECKED_LENGTH) return undefined
  zxcvbn ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs })
  const inputs = userInputs.map(input => input.toLowerCase())
  const words = inputs.flatMap(input => input.split(/[^\p{L}\p{N}]+/u))
  const { score, feedback } = zxcvbn.check(password, [...new Set([...inputs, ...words])])
  if (score >= MIN_PASSWORD_SCORE) return undefined
  const warning = feedback.warning && WARNINGS[feedback.warning]
  const hint = warning ? ` (${warning})` : ''
  return `is too common or too easy to guess${hint}: choose a longer, less predictable one, e.g. several unrelated words`
}
