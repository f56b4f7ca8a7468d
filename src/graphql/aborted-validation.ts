// graphql-js stops validating a document whose field comparisons (OverlappingFieldsCanBeMerged)
// or errors pass its own limits and answers only "Validation aborted.": e.g. `{ __typename }`
// 4,900 times, under the staff's token budget. That happens before ./budget-plugin.ts can
// measure the operation, so its validationDidEnd hook swaps the bare message for the budget
// that the document breaks (fields or tokens), with the same figures as the budget's own answer.
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens'
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql'
import type { Budget, Caller } from './budgets'

const isAborted = (error: GraphQLError) => /Validation aborted\.$/.test(error.message)

/** Field selections written in the document (each fragment counted once). */
function writtenFields(document: DocumentNode): number {
  let fields = 0
  visit(document, { [Kind.FIELD]: () => void fields++ })
  return fields
}

/** The budget message for an aborted validation: what the document has past its limit. */
function tooLarge(source: string, document: DocumentNode, caller: Caller, budget: Budget) {
  const lexer = new MaxTokensParserWLexer(source, { n: Infinity })
  lexer.parseDocument()
  const tokens = lexer.tokenCount
  const fields = writtenFields(document)
  const [what, count, limit] =
    tokens > budget.maxTokens
      ? ['tokens', tokens, budget.maxTokens]
      : ['fields', fields, budget.maxFields]
  const message =
    count > limit
      ? `The query has ${count} ${what}; at most ${limit} are allowed (${caller} requests).`
      : `The query is too large to validate (${fields} fields): ask for fewer fields (${caller} requests).`
  return new GraphQLError(message, {
    extensions: { code: 'QUERY_TOO_LARGE', caller, limit, http: { status: 400 } },
  })
}

/**
 * Replaces, in place (Apollo answers with this very array), an aborted validation's errors by
 * one budget refusal. Other validation errors are left as they are.
 */
export function explainAbortedValidation(
  errors: GraphQLError[] | undefined,
  input: { source: string; document: DocumentNode; caller: Caller; budget: Budget }
) {
  if (!errors?.some(isAborted)) return
  errors.splice(
    0,
    errors.length,
    tooLarge(input.source, input.document, input.caller, input.budget)
  )
}
