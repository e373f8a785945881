import type { Locale } from '@/core/locales'
import type { FormDraft } from '@/cms/signatures/formDraft'
import type { FieldName, FieldProblem } from '@/cms/signatures/input'

import { sectorOptions, signatureWords } from '../../signatureWords'
import { ProofWidget } from './ProofWidget'
import { SignFormEnhancer } from './SignFormEnhancer'

export type SignFormProps = {
  locale: Locale
  formToken: string
  /** The ALTCHA challenge as JSON, for the widget. */
  challenge: string
  /** From a refused post without JavaScript (`?error=…&fields=name:link,…`). */
  error?: string
  problems: Partial<Record<FieldName, FieldProblem>>
  /** What was typed into the refused form (src/cms/signatures/formDraft.ts). */
  values: FormDraft
}

const FORM_ID = 'sign-form'

/**
 * The signing form. It works without JavaScript: a plain POST to /api/signatories/sign, which
 * answers with a redirect to the "check your mail" page or back here with the problems named in
 * the URL and what was typed in a sealed cookie (never in the URL). With JavaScript the enhancer sends it in the background, keeps what
 * was typed and announces problems where they are; the proof-of-work widget runs meanwhile.
 */
export function SignForm({ locale, formToken, challenge, error, problems, values }: SignFormProps) {
  const w = signatureWords(locale)
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
  return (
    <form
      id={FORM_ID}
      className="sign-form"
      method="post"
      action="/api/signatories/sign"
      aria-describedby={error ? 'sign-errors' : undefined}
    >
      <div id="sign-errors" className="form-errors" role="alert" tabIndex={-1}>
        {error ? (
          <>
            <h2>{w.errorsHeading}</h2>
            <p>{w.form[error] ?? w.form.failed}</p>
            {invalid.length ? (
              <ul>
                {invalid.map((field) => (
                  <li key={field}>
                    <a href={`#field-${field}`}>{reason(field)}</a>
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="formToken" value={formToken} />

      <fieldset>
        <legend>{w.kind}</legend>
        <label className="choice">
          <input
            type="radio"
            name="kind"
            value="person"
            defaultChecked={values.kind !== 'organization'}
            required
          />
          {w.person}
        </label>
        <label className="choice">
          <input
            type="radio"
            name="kind"
            value="organization"
            defaultChecked={values.kind === 'organization'}
          />
          {w.organization}
        </label>
      </fieldset>

      <label htmlFor="field-name">{w.name}</label>
      <input
        id="field-name"
        name="name"
        required
        maxLength={120}
        autoComplete="name"
        defaultValue={values.name}
        {...aria('name', 'hint')}
      />
      <span className="hint" id="name-hint">
        {w.nameHint}
      </span>
      {fieldError('name')}

      <label htmlFor="field-email">{w.email}</label>
      <input
        id="field-email"
        name="email"
        type="email"
        required
        maxLength={254}
        autoComplete="email"
        defaultValue={values.email}
        {...aria('email', 'hint')}
      />
      <span className="hint" id="email-hint">
        {w.emailHint}
      </span>
      {fieldError('email')}

      <label htmlFor="field-organization">{w.organizationField}</label>
      <input
        id="field-organization"
        name="organization"
        maxLength={160}
        autoComplete="organization"
        defaultValue={values.organization}
        {...aria('organization', 'hint')}
      />
      <span className="hint" id="organization-hint">
        {w.organizationHint}
      </span>
      {fieldError('organization')}

      <label htmlFor="field-roleTitle">{w.roleTitle}</label>
      <input
        id="field-roleTitle"
        name="roleTitle"
        maxLength={120}
        autoComplete="organization-title"
        defaultValue={values.roleTitle}
        {...aria('roleTitle')}
      />
      {fieldError('roleTitle')}

      <label htmlFor="field-sector">{w.sector}</label>
      <select
        id="field-sector"
        name="sector"
        defaultValue={values.sector ?? ''}
        {...aria('sector')}
      >
        <option value="">{w.chooseOne}</option>
        {sectorOptions(locale).map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {fieldError('sector')}

      <label htmlFor="field-country">{w.country}</label>
      <input
        id="field-country"
        name="country"
        maxLength={2}
        size={3}
        autoComplete="country"
        defaultValue={values.country}
        {...aria('country', 'hint')}
      />
      <span className="hint" id="country-hint">
        {w.countryHint}
      </span>
      {fieldError('country')}

      <fieldset id="field-display">
        <legend>{w.display}</legend>
        <label className="choice">
          <input
            type="radio"
            name="display"
            value="named"
            defaultChecked={values.display !== 'counted'}
            required
          />
          {w.named}
        </label>
        <label className="choice">
          <input
            type="radio"
            name="display"
            value="counted"
            defaultChecked={values.display === 'counted'}
          />
          {w.counted}
        </label>
      </fieldset>

      <label className="choice">
        <input
          type="checkbox"
          name="consentToUpdates"
          value="on"
          defaultChecked={values.consentToUpdates === 'on'}
        />
        {w.updates}
      </label>

      {/* A trap for bots: invisible and out of the tab order; people leave it empty. */}
      <div className="visually-hidden" aria-hidden="true">
        <label htmlFor="field-website">{w.trap}</label>
        <input id="field-website" name="website" tabIndex={-1} autoComplete="off" />
      </div>

      <div className="proof">
        <ProofWidget challenge={challenge} locale={locale} label={w.proof} />
        <noscript>
          <p className="hint">{w.proofNoScript}</p>
        </noscript>
      </div>

      <button type="submit" className="button">
        {w.submit}
      </button>
      <SignFormEnhancer formId={FORM_ID} locale={locale} />
    </form>
  )
}
