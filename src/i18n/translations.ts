/**
 * The portal's own admin strings, merged into Payload's catalogues (`i18n.translations`): hook
 * and validation messages, descriptions that need placeholders, and the custom components. Field
 * labels and plain descriptions stay label objects (`{ de, en }`) where they are declared.
 * `test/int/adminLanguage.test.ts` fails when a key is missing in one language or used but absent.
 */
const de = {
  slugDescription: 'Wird aus dem deutschen Titel erzeugt, wenn leer.',
  slugRequired:
    'Ein Slug wird gebraucht: Geben Sie einen an oder einen Titel, aus dem er entsteht.',
  slugInTrash:
    'Der Slug „{{slug}}“ gehört einem Dokument im Papierkorb. Stellen Sie es wieder her oder wählen Sie einen anderen Slug.',
  positionInTrash:
    'Die Position {{position}} gehört einem Prinzip im Papierkorb. Stellen Sie es wieder her oder wählen Sie eine andere Position.',
  countryInvalid: 'Bitte einen zweistelligen Ländercode nach ISO 3166 angeben, etwa DE.',
  urlInvalid: '„{{value}}“ ist keine absolute http(s)-Adresse.',
  pathOrUrlInvalid:
    'Bitte einen Pfad beginnend mit „/“ oder eine absolute http(s)-Adresse angeben.',
  endBeforeStart: 'Das Ende liegt vor dem Beginn.',
  ownerRequired: 'Jedes Projekt gehört einer Organisation.',
  partnerOrganizationRequired: 'Ein Partner gehört genau einer Organisation an.',
  resetTooSoon:
    'Für diese Adresse wurde gerade ein neues Passwort angefordert. Bitte warten Sie einen Moment.',
  onlyEditorsReview: 'Nur die Redaktion gibt frei oder bittet um Änderungen.',
  noteRequired: 'Sagen Sie, was sich ändern soll: Eine Anmerkung ist nötig.',
  reviewTitle: 'Prüfung',
  reviewState: 'Status',
  reviewNote: 'Anmerkung der Redaktion',
  reviewHistory: 'Verlauf',
  reviewNoHistory: 'Noch keine Schritte.',
  reviewHistoryEntry: '{{from}} → {{to}}',
  reviewBy: 'von {{name}}',
  reviewSaveFirst:
    'Speichern Sie zuerst einen Entwurf; danach können Sie ihn zur Prüfung einreichen.',
  reviewWaiting: 'Eingereicht: Die Redaktion prüft den Entwurf.',
  reviewSubmit: 'Zur Prüfung einreichen',
  reviewSubmitted: 'Zur Prüfung eingereicht.',
  reviewApprove: 'Freigeben und veröffentlichen',
  reviewApproved: 'Freigegeben und veröffentlicht.',
  reviewSendBack: 'Zurückgeben',
  reviewSentBack: 'Zurückgegeben mit Anmerkung.',
  reviewNotePlaceholder: 'Was soll sich ändern?',
  reviewCompare: 'Änderungen ansehen',
  reviewNeverPublished: 'Noch nie veröffentlicht: Alles ist neu.',
  reviewFailed: 'Das hat nicht geklappt: {{message}}',
  stateDraft: 'Entwurf',
  stateInReview: 'In Prüfung',
  stateChangesRequested: 'Änderungen erbeten',
  stateApproved: 'Freigegeben',
  dashboardReviewQueue: 'Zu prüfen',
  dashboardReviewEmpty: 'Nichts wartet auf Prüfung.',
  dashboardSubmittedAt: 'eingereicht am {{date}}',
  dashboardScheduled: 'Geplante Veröffentlichungen',
  dashboardScheduledEmpty: 'Nichts ist geplant.',
  dashboardPublishAt: 'wird veröffentlicht am {{date}}',
  dashboardUnpublishAt: 'wird zurückgezogen am {{date}}',
  dashboardRecent: 'Zuletzt geändert',
  dashboardRecentEmpty: 'Noch keine Änderungen.',
  dashboardChangedAt: 'geändert am {{date}}',
  untitled: '(ohne Titel)',
}

const en: typeof de = {
  slugDescription: 'Generated from the German title when empty.',
  slugRequired: 'A slug is needed: give one, or a title to make it from.',
  slugInTrash:
    'The slug “{{slug}}” belongs to a document in the trash. Restore it or choose another slug.',
  positionInTrash:
    'Position {{position}} belongs to a principle in the trash. Restore it or choose another position.',
  countryInvalid: 'Use a two-letter ISO 3166 country code such as DE.',
  urlInvalid: '“{{value}}” is not an absolute http(s) URL.',
  pathOrUrlInvalid: 'Use a path starting with “/” or an absolute http(s) URL.',
  endBeforeStart: 'The end lies before the start.',
  ownerRequired: 'A project belongs to an organization.',
  partnerOrganizationRequired: 'A partner belongs to exactly one organization.',
  resetTooSoon: 'A reset was requested for this address moments ago. Please wait a little.',
  onlyEditorsReview: 'Only editors approve or request changes.',
  noteRequired: 'Say what should change: a note is required.',
  reviewTitle: 'Review',
  reviewState: 'State',
  reviewNote: 'Editors’ note',
  reviewHistory: 'History',
  reviewNoHistory: 'No steps yet.',
  reviewHistoryEntry: '{{from}} → {{to}}',
  reviewBy: 'by {{name}}',
  reviewSaveFirst: 'Save a draft first; then you can submit it for review.',
  reviewWaiting: 'Submitted: the editors are reviewing the draft.',
  reviewSubmit: 'Submit for review',
  reviewSubmitted: 'Submitted for review.',
  reviewApprove: 'Approve and publish',
  reviewApproved: 'Approved and published.',
  reviewSendBack: 'Send back',
  reviewSentBack: 'Sent back with a note.',
  reviewNotePlaceholder: 'What should change?',
  reviewCompare: 'See the changes',
  reviewNeverPublished: 'Never published: all of it is new.',
  reviewFailed: 'That did not work: {{message}}',
  stateDraft: 'Draft',
  stateInReview: 'In review',
  stateChangesRequested: 'Changes requested',
  stateApproved: 'Approved',
  dashboardReviewQueue: 'To review',
  dashboardReviewEmpty: 'Nothing is waiting for review.',
  dashboardSubmittedAt: 'submitted on {{date}}',
  dashboardScheduled: 'Scheduled publications',
  dashboardScheduledEmpty: 'Nothing is scheduled.',
  dashboardPublishAt: 'to be published on {{date}}',
  dashboardUnpublishAt: 'to be unpublished on {{date}}',
  dashboardRecent: 'Recent changes',
  dashboardRecentEmpty: 'No changes yet.',
  dashboardChangedAt: 'changed on {{date}}',
  untitled: '(untitled)',
}

export const portalTranslations = { de: { portal: de }, en: { portal: en } }

export type PortalTranslations = typeof portalTranslations.en
export type PortalKey = `portal:${keyof typeof de}`
