// Every text field of every list is made here, so each has a length fit for its purpose and
// refuses characters that have no place in it. The limits are listed in docs/content-rules.md.
import { text } from '@keystone-6/core/fields'
import type { BaseListTypeInfo, FieldTypeFunc } from '@keystone-6/core/types'
import type { TextFieldConfig } from '@keystone-6/core/fields'
import { characterProblem, normaliseNewlines, type TextKind } from './text-rules'

/** Maximum lengths (UTF-16 code units) by purpose; see docs/content-rules.md. */
export const LIMITS = {
  headline: 300,
  name: 200,
  shortName: 100,
  tagName: 100,
  jobTitle: 200,
  dateline: 100,
  credit: 300,
  languageTag: 35,
  countryCode: 2,
  summary: 1000,
  description: 5000,
  note: 2000,
  editorialNote: 5000,
  url: 2048,
} as const

type Config<L extends BaseListTypeInfo> = Omit<TextFieldConfig<L>, 'validation'> & {
  validation?: Omit<NonNullable<TextFieldConfig<L>['validation']>, 'length'>
}

function limitedText<L extends BaseListTypeInfo>(
  kind: TextKind,
  max: number,
  config: Config<L> = {}
): FieldTypeFunc<L> {
  const hooks = config.hooks ?? {}
  const ownResolve = hooks.resolveInput
  const ownValidate = hooks.validate
  if (typeof ownResolve === 'object' || typeof ownValidate === 'object') {
    throw new Error('limitedText: give resolveInput and validate hooks as functions')
  }
  return text<L>({
    ...config,
    validation: { ...config.validation, length: { max } },
    ...(kind === 'multi' && { ui: { displayMode: 'textarea', ...config.ui } }),
    hooks: {
      ...hooks,
      async resolveInput(args) {
        const value = ownResolve ? await ownResolve(args) : args.resolvedData[args.fieldKey]
        return kind === 'multi' && typeof value === 'string' ? normaliseNewlines(value) : value
      },
      async validate(args) {
        if (args.operation !== 'delete') {
          const value = (args.resolvedData as Record<string, unknown>)[args.fieldKey]
          const problem = typeof value === 'string' ? characterProblem(value, kind) : null
          if (problem) args.addValidationError(problem)
        }
        await ownValidate?.(args)
      },
    },
  } as TextFieldConfig<L>)
}

/**
 * A one-line text (a name, a title, a dateline): at most `max` characters, no control
 * characters, line breaks or lone surrogates. Validation messages name the field
 * ("Person.jobTitle: must be a single line").
 */
export function singleLine<L extends BaseListTypeInfo>(
  max: number,
  config?: Config<L>
): FieldTypeFunc<L> {
  return limitedText('single', max, config)
}

/** A text of paragraphs (a summary, a note): line breaks and tabs allowed, `\r\n` stored as `\n`. */
export function multiLine<L extends BaseListTypeInfo>(
  max: number,
  config?: Config<L>
): FieldTypeFunc<L> {
  return limitedText('multi', max, config)
}
