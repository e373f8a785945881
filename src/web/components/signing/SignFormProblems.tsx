/** How the signing form shows what the server refused: the alert region and each field's problem. */
import type { FieldName, FieldProblem } from '@/cms/signatures/input'

import { signatureWords } from '../../signatureWords'

type Words = ReturnType<typeof signatureWords>

/** How a field shows a problem the server found: marked invalid, described, and said beside it. */
export function fieldStates(problems: Partial<Record<FieldName, FieldProblem>>, w: Words) {
  const invalid = Object.keys(problems) as FieldName[]
  const invalidSet = new Set(invalid)
  // The exact reason, as the JavaScript form names it ("Name darf keine Links enthalten").
  const reason = (field: FieldName) =>
    `${w.field[field]} ${w.problem[problems[field] ?? 'invalid']}`
  const describe = (field: FieldName, hint?: string) =>
    [hint && `${field}-hint`, invalidSet.has(field) && `${field}-error`]
      .filter(Boolean)
      .join(' ') || undefined
  const fieldError = (field: FieldName) =>
    invalidSet.has(field) ? (
      <span className="field-error" id={`${field}-error`}>
        {reason(field)}
      </span>
    ) : null
  const aria = (field: FieldName, hint?: string) => ({
    'aria-invalid': invalidSet.has(field) ? (true as const) : undefined,
    'aria-describedby': describe(field, hint),
  })
  return { invalid, reason, fieldError, aria }
}
export type FieldStates = ReturnType<typeof fieldStates>

/** The alert region: empty until a refusal, then its reason and a link to each field named. */
export function ErrorSummary({ w, error, f }: { w: Words; error?: string; f: FieldStates }) {
  return (
    <div id="sign-errors" className="form-errors" role="alert" tabIndex={-1}>
      {error ? (
        <>
          <h2>{w.errorsHeading}</h2>
          <p>{w.form[error] ?? w.form.failed}</p>
          {f.invalid.length ? (
            <ul>
              {f.invalid.map((field) => (
                <li key={field}>
                  <a href={`#field-${field}`}>{f.reason(field)}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </div>
  )
}
