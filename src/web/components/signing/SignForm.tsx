import type { Locale } from '@/core/locales'
import type { FormDraft } from '@/cms/signatures/formDraft'
import type { FieldName, FieldProblem } from '@/cms/signatures/input'

import { sectorOptions, signatureWords } from '../../signatureWords'
import { ProofWidget } from './ProofWidget'
import { ErrorSummary, fieldStates, type FieldStates } from './SignFormProblems'
import { SignFormEnhancer } from './SignFormEnhancer'

export type SignFormProps = {
  locale: Locale
  formToken: string
  /** The ALTCHA challenge as the page carries it (src/cms/signatures/formPlaceholders.ts). */
  challenge: string
  /** From a refused post without JavaScript (`?error=…&fields=name:link,…`). */
  error?: string
  problems: Partial<Record<FieldName, FieldProblem>>
  /** What was typed into the refused form (src/cms/signatures/formDraft.ts). */
  values: FormDraft
}

const FORM_ID = 'sign-form'

/** A text field with its label, an optional hint and the problem found with it. */
function TextField(props: {
  field: FieldName
  label: string
  hint?: string
  value?: string
  f: FieldStates
  input: {
    type?: string
    required?: boolean
    maxLength: number
    size?: number
    autoComplete: string
  }
}) {
  const { field, label, hint, value, f, input } = props
  return (
    <>
      <label htmlFor={`field-${field}`}>{label}</label>
      <input
        id={`field-${field}`}
        name={field}
        {...input}
        defaultValue={value}
        {...f.aria(field, hint ? 'hint' : undefined)}
      />
      {hint ? (
        <span className="hint" id={`${field}-hint`}>
          {hint}
        </span>
      ) : null}
      {f.fieldError(field)}
    </>
  )
}

/** Two radio buttons under a legend; the first is the default unless the draft chose the second. */
function Choice(props: {
  id?: string
  legend: string
  name: string
  options: [{ value: string; label: string }, { value: string; label: string }]
  chosen?: string
}) {
  const [first, second] = props.options
  return (
    <fieldset id={props.id}>
      <legend>{props.legend}</legend>
      <label className="choice">
        <input
          type="radio"
          name={props.name}
          value={first.value}
          defaultChecked={props.chosen !== second.value}
          required
        />
        {first.label}
      </label>
      <label className="choice">
        <input
          type="radio"
          name={props.name}
          value={second.value}
          defaultChecked={props.chosen === second.value}
        />
        {second.label}
      </label>
    </fieldset>
  )
}

/** The sector, from the portal's list. */
function SectorField({ locale, value, f }: { locale: Locale; value?: string; f: FieldStates }) {
  const w = signatureWords(locale)
  return (
    <>
      <label htmlFor="field-sector">{w.sector}</label>
      <select id="field-sector" name="sector" defaultValue={value ?? ''} {...f.aria('sector')}>
        <option value="">{w.chooseOne}</option>
        {sectorOptions(locale).map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {f.fieldError('sector')}
    </>
  )
}

/** What comes after the signer's data: updates, the bot trap, the proof of work, the button. */
function Closing({
  locale,
  challenge,
  values,
}: {
  locale: Locale
  challenge: string
  values: FormDraft
}) {
  const w = signatureWords(locale)
  return (
    <>
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
        <ProofWidget challenge={challenge} encoded locale={locale} label={w.proof} />
        <noscript>
          <p className="hint">{w.proofNoScript}</p>
        </noscript>
      </div>

      <button type="submit" className="button">
        {w.submit}
      </button>
    </>
  )
}

/** Who signs: name and e-mail, and optionally organization, role, sector and country. */
function SignerFields({
  locale,
  values,
  f,
}: {
  locale: Locale
  values: FormDraft
  f: FieldStates
}) {
  const w = signatureWords(locale)
  return (
    <>
      <TextField
        field="name"
        label={w.name}
        hint={w.nameHint}
        value={values.name}
        f={f}
        input={{ required: true, maxLength: 120, autoComplete: 'name' }}
      />
      <TextField
        field="email"
        label={w.email}
        hint={w.emailHint}
        value={values.email}
        f={f}
        input={{ type: 'email', required: true, maxLength: 254, autoComplete: 'email' }}
      />
      <TextField
        field="organization"
        label={w.organizationField}
        hint={w.organizationHint}
        value={values.organization}
        f={f}
        input={{ maxLength: 160, autoComplete: 'organization' }}
      />
      <TextField
        field="roleTitle"
        label={w.roleTitle}
        value={values.roleTitle}
        f={f}
        input={{ maxLength: 120, autoComplete: 'organization-title' }}
      />
      <SectorField locale={locale} value={values.sector} f={f} />
      <TextField
        field="country"
        label={w.country}
        hint={w.countryHint}
        value={values.country}
        f={f}
        input={{ maxLength: 2, size: 3, autoComplete: 'country' }}
      />
    </>
  )
}

/**
 * The signing form. It works without JavaScript: a plain POST to /api/signatories/sign, which
 * answers with a redirect to the "check your mail" page or back here with the problems named in
 * the URL and what was typed in a sealed cookie (never in the URL). With JavaScript the enhancer sends it in the background, keeps what
 * was typed and announces problems where they are; the proof-of-work widget runs meanwhile.
 */
export function SignForm({ locale, formToken, challenge, error, problems, values }: SignFormProps) {
  const w = signatureWords(locale)
  const f = fieldStates(problems, w)
  return (
    <form
      id={FORM_ID}
      className="sign-form"
      method="post"
      action="/api/signatories/sign"
      aria-describedby={error ? 'sign-errors' : undefined}
    >
      <ErrorSummary w={w} error={error} f={f} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="formToken" value={formToken} />
      <Choice
        legend={w.kind}
        name="kind"
        options={[
          { value: 'person', label: w.person },
          { value: 'organization', label: w.organization },
        ]}
        chosen={values.kind}
      />
      <SignerFields locale={locale} values={values} f={f} />
      <Choice
        id="field-display"
        legend={w.display}
        name="display"
        options={[
          { value: 'named', label: w.named },
          { value: 'counted', label: w.counted },
        ]}
        chosen={values.display}
      />
      <Closing locale={locale} challenge={challenge} values={values} />
      <SignFormEnhancer formId={FORM_ID} locale={locale} />
    </form>
  )
}
