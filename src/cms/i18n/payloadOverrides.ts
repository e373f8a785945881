import { portalTranslations } from './translations'

/**
 * Corrections to Payload's own admin catalogue (3.90.2), merged over it in the config.
 *
 * German: Payload's strings put an article or adjective before `{{label}}` ("das {{label}}",
 * "Dieses {{label}}", "Kein {{label}}"), which is right for one gender only: the label is any
 * collection's name (die Meldung, das Projekt, der Benutzer). They are rephrased here so that no
 * word before the label depends on its gender. Strings Payload puts together from two keys (the
 * duplicate button, the upload hint) are corrected where they read wrong together.
 * `test/unit/adminCatalogue.test.ts` checks the merged catalogue.
 */
const de = {
  general: {
    aboutToDelete: '{{label}} <1>{{title}}</1> löschen?',
    aboutToPermanentlyDelete: '{{label}} <1>{{title}}</1> endgültig löschen?',
    aboutToRestore: '{{label}} <1>{{title}}</1> wiederherstellen?',
    aboutToRestoreAsDraft: '{{label}} <1>{{title}}</1> als Entwurf wiederherstellen?',
    aboutToTrash: '{{label}} <1>{{title}}</1> in den Papierkorb verschieben?',
    documentIsTrashed: 'Dieses Dokument ({{label}}) liegt im Papierkorb und ist nur lesbar.',
    emptyTrashLabel: 'Papierkorb leeren ({{label}})',
    filterWhere: '{{label}} filtern nach',
    newLabel: '{{label}} erstellen',
    noLabel: '<ohne Angabe: {{label}}>',
    noTrashResults: 'Im Papierkorb liegt nichts ({{label}}).',
    // Payload shows "{{duplicate}} {{selectedLocales}}" on the button and the drawer.
    duplicate: 'Duplizieren',
  },
  localization: {
    selectedLocales: '(ausgewählte Sprachen)',
  },
  upload: {
    // Shown after "oder" ("or"): "oder Datei hierher ziehen".
    dragAndDrop: 'Datei hierher ziehen',
  },
  validation: {
    fieldHasNo: 'Dieses Feld hat keine Angabe für {{label}}',
    greaterThanMax: '{{value}} ist größer als das Maximum für {{label}} ({{max}}).',
    lessThanMin: '{{value}} ist kleiner als das Minimum für {{label}} ({{min}}).',
  },
  version: {
    noRowsFound: 'Nichts gefunden ({{label}})',
    noRowsSelected: 'Nichts ausgewählt ({{label}})',
  },
}

/** English reads right as Payload has it, but for the one string put together from two keys. */
const en = {
  localization: {
    selectedLocales: '(selected locales)',
  },
}

export const payloadOverrides = { de, en }

/** Everything the config merges over Payload's catalogues: these corrections and our own strings. */
export const adminTranslations = {
  de: { ...payloadOverrides.de, ...portalTranslations.de },
  en: { ...payloadOverrides.en, ...portalTranslations.en },
}
