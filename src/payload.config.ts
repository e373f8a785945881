import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { de } from '@payloadcms/translations/languages/de'
import { en } from '@payloadcms/translations/languages/en'
import { buildConfig, type Config } from 'payload'
import sharp from 'sharp'

import { Events } from '@collections/Events'
import { MailQueue } from '@collections/MailQueue'
import { Media } from '@collections/Media'
import { News } from '@collections/News'
import { Organizations } from '@collections/Organizations'
import { People } from '@collections/People'
import { Principles } from '@collections/Principles'
import { Projects } from '@collections/Projects'
import { ReviewHistory } from '@collections/ReviewHistory'
import { Signatories } from '@collections/Signatories'
import { SignatureForms } from '@collections/SignatureForms'
import { Users } from '@collections/Users'

import { restrictInternalCollections } from './access/internalCollections'
import { livePreview } from './admin/preview'
import { databaseAdapter, parseDatabaseUri } from './database/adapter'
import { emailAdapter } from './email/adapter'
import { deliverMailTask, MAIL_QUEUE } from './email/deliverMail'
import { limitRules } from './graphql/limitRules'
import { limits } from './graphql/limits'
import { adminTranslations } from './i18n/payloadOverrides'
import { readEnvironment } from './env'
import { Declaration } from './globals/Declaration'
import { Site } from './globals/Site'
import { clientInputErrors } from './hooks/clientInputErrors'
import { isJobRunner } from './jobs/jobRunner'
import { locales } from './locales'
import { loggerOptions } from './logging/loggerOptions'
import { bilingualLabels } from './i18n/bilingualLabels'
import { localizedDates } from './plugins/localizedDates'
import { operationGuards } from './plugins/operationGuards'
import { restorePreset } from './plugins/restorePreset'
import { databaseLayers } from './plugins/databaseLayers'
import { search } from './search/plugin'
import { signatureMutations, signatureQueries } from './signatures/graphql'
import { purgeSignaturesTask } from './signatures/purge'
import { fromRoot } from './paths'

const env = readEnvironment()

export default buildConfig({
  secret: env.payloadSecret,
  serverURL: env.serverUrl,
  cors: env.corsOrigins,
  csrf: env.corsOrigins,
  db: databaseAdapter(parseDatabaseUri(env.databaseUri)),
  editor: lexicalEditor(),
  email: emailAdapter(env),
  sharp,
  collections: [
    News,
    Projects,
    Principles,
    Events,
    Media,
    People,
    Organizations,
    Signatories,
    SignatureForms,
    Users,
    MailQueue,
    ReviewHistory,
  ],
  globals: [Declaration, Site],
  localization: {
    locales: locales.map(({ code, adminLabel }) => ({ code, label: adminLabel })),
    defaultLocale: 'de',
    fallback: true,
  },
  i18n: {
    supportedLanguages: { de, en },
    fallbackLanguage: 'de',
    // The portal's own strings (messages, custom components) in both admin languages, and
    // corrections to Payload's German (src/i18n/payloadOverrides.ts).
    translations: adminTranslations,
  },
  admin: {
    user: Users.slug,
    // No network here or on many servers: never ask Gravatar for avatars.
    avatar: 'default',
    meta: { titleSuffix: ' – New Wave of European AI' },
    importMap: { baseDir: fromRoot('src') },
    components: {
      beforeDashboard: ['/components/admin/dashboard/Dashboard#Dashboard'],
      // The admin languages' date formats in the browser (src/i18n/dateLocales.ts).
      providers: ['/components/admin/DateLocales#DateLocales'],
    },
    livePreview,
  },
  upload: { limits: { fileSize: env.uploadMaxBytes } },
  // A refused page size is the client's mistake, not the server's (src/hooks/refuseLargePages.ts).
  // (Payload types the keys as its own error names.)
  loggingLevels: { PageSizeRefused: 'info' } as Config['loggingLevels'],
  graphQL: {
    schemaOutputFile: fromRoot('schema.graphql'),
    disablePlaygroundInProduction: true,
    disableIntrospectionInProduction: true,
    maxComplexity: limits.maxComplexity,
    validationRules: (args) => limitRules(args),
    queries: signatureQueries,
    mutations: signatureMutations,
  },
  plugins: [operationGuards, localizedDates, restorePreset, databaseLayers, search],
  typescript: {
    outputFile: fromRoot('src/payload-types.ts'),
    // Generated on purpose with `npm run generate`; a test fails when the committed file drifts.
    autoGenerate: false,
  },
  jobs: {
    tasks: [deliverMailTask, purgeSignaturesTask],
    // Once a minute: scheduled publishing, and the retries of mail deliveries (each mail's first
    // attempt starts right after the commit that queued it, in whichever process made it). In
    // the server process only, and in tests (src/jobs/jobRunner.ts); a start releases mail jobs
    // a dead process left claimed (src/bootstrap.ts).
    autoRun: [
      { cron: '* * * * *', queue: 'default', limit: 20 },
      { cron: '* * * * *', queue: MAIL_QUEUE, limit: 20, silent: { info: true } },
    ],
    shouldAutoRun: () => isJobRunner(),
  },
  hooks: { afterError: [clientInputErrors] },
  // JSON lines at LOG_LEVEL, each with the id of the request it was written for.
  logger: { options: loggerOptions(env.logLevel) },
  telemetry: false,
})
  .then(restrictInternalCollections)
  .then(bilingualLabels)
