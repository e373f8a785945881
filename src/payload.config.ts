import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { de } from '@payloadcms/translations/languages/de'
import { en } from '@payloadcms/translations/languages/en'
import { buildConfig, type Config } from 'payload'
import sharp from 'sharp'

import { Events } from '@collections/Events/index'
import { MailQueue } from '@collections/MailQueue'
import { Media } from '@collections/Media/index'
import { News } from '@collections/News/index'
import { Organizations } from '@collections/Organizations/index'
import { People } from '@collections/People/index'
import { Principles } from '@collections/Principles/index'
import { Projects } from '@collections/Projects'
import { ReviewHistory } from '@collections/ReviewHistory/index'
import { Signatories } from '@collections/Signatories'
import { Subscribers } from '@collections/Subscribers/index'
import { Updates } from '@collections/Updates/index'
import { SignatureForms } from '@collections/SignatureForms/index'
import { Users } from '@collections/Users/index'
import { WebhookDeliveries } from '@collections/WebhookDeliveries/index'
import { JobLeases } from '@collections/JobLeases/index'
import { Webhooks } from '@collections/Webhooks/index'

import { restrictInternalCollections } from './cms/access/internalCollections'
import { livePreview } from './cms/admin/livePreview'
import { databaseAdapter, parseDatabaseUri } from './data/adapter/adapter'
import { emailAdapter } from './operations/mail/adapter'
import { deliverMailTask, MAIL_QUEUE } from './operations/mail/deliverMail'
import { adminTranslations } from './cms/i18n/payloadOverrides'
import { readEnvironment } from './core/env'
import { Declaration } from './cms/globals/Declaration'
import { Site } from './cms/globals/Site'
import { clientInputErrors } from './cms/hooks/clientInputErrors'
import { isJobRunner } from './operations/jobs/jobRunner'
import { locales } from './core/locales'
import { loggerOptions } from './observability/logging/loggerOptions'
import { bilingualLabels } from './cms/i18n/bilingualLabels'
import { localizedDates } from './cms/plugins/localizedDates'
import { operationGuards } from './cms/plugins/operationGuards'
import { restorePreset } from './cms/plugins/restorePreset'
import { search } from './cms/search/plugin'
import { signatureMutations, signatureQueries } from './cms/signatures/graphql'
import { purgeSignaturesTask } from './cms/signatures/purge'
import { subscriptionMutations } from './cms/subscriptions/graphql'
import { sendUpdateTask, UPDATES_QUEUE } from './cms/updates/sendUpdate'
import { webhooks } from './cms/webhooks/plugin'
import { deliverWebhookTask } from './operations/webhooks/deliverWebhook'
import { CDN_QUEUE, purgeCdnTask } from './operations/sharedCache/purgeCdn'
import { WEBHOOK_QUEUE } from './operations/webhooks/queue'
import { fromRoot } from './core/paths'
import { serveConfig } from './core/servedConfig'

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
    Subscribers,
    Updates,
    Users,
    MailQueue,
    ReviewHistory,
    Webhooks,
    WebhookDeliveries,
    JobLeases,
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
    // corrections to Payload's German (src/cms/i18n/payloadOverrides.ts).
    translations: adminTranslations,
  },
  admin: {
    user: Users.slug,
    // No network here or on many servers: never ask Gravatar for avatars.
    avatar: 'default',
    meta: { titleSuffix: ' – New Wave of European AI' },
    importMap: { baseDir: fromRoot('src') },
    components: {
      beforeDashboard: ['/cms/admin/dashboard/Dashboard#Dashboard'],
      // The admin languages' date formats in the browser (src/cms/i18n/dateLocales.ts).
      providers: ['/cms/admin/DateLocales#DateLocales'],
    },
    livePreview,
  },
  upload: { limits: { fileSize: env.uploadMaxBytes } },
  // A refused page size is the client's mistake, not the server's (src/cms/hooks/refuseLargePages.ts).
  // (Payload types the keys as its own error names.)
  loggingLevels: { PageSizeRefused: 'info' } as Config['loggingLevels'],
  graphQL: {
    schemaOutputFile: fromRoot('schema.graphql'),
    disablePlaygroundInProduction: true,
    disableIntrospectionInProduction: true,
    // The limits (depth, aliases, root fields, page sizes, complexity) are checked by the portal's
    // own GraphQL endpoint (src/graphql/execute/), which answers every GraphQL call.
    queries: signatureQueries,
    mutations: (graphql) => ({
      ...signatureMutations(graphql),
      ...subscriptionMutations(graphql),
    }),
  },
  plugins: [operationGuards, localizedDates, restorePreset, search, webhooks],
  typescript: {
    outputFile: fromRoot('src/payload-types.ts'),
    // Generated on purpose with `npm run generate`; a test fails when the committed file drifts.
    autoGenerate: false,
  },
  jobs: {
    tasks: [deliverMailTask, purgeSignaturesTask, deliverWebhookTask, purgeCdnTask, sendUpdateTask],
    // Once a minute: scheduled publishing, and the retries of mail and webhook deliveries and of
    // CDN purges (each one's first attempt starts right after the commit that queued it, in
    // whichever process made it). In
    // the server process only, and in tests (src/operations/jobs/jobRunner.ts); a start releases mail jobs
    // a dead process left claimed (src/process/bootstrap.ts).
    autoRun: [
      { cron: '* * * * *', queue: 'default', limit: 20 },
      { cron: '* * * * *', queue: MAIL_QUEUE, limit: 20, silent: { info: true } },
      { cron: '* * * * *', queue: WEBHOOK_QUEUE, limit: 20, silent: { info: true } },
      { cron: '* * * * *', queue: CDN_QUEUE, limit: 20, silent: { info: true } },
      // Updates at their time; a send cut short resumes at the next start (src/process/bootstrap.ts).
      { cron: '* * * * *', queue: UPDATES_QUEUE, limit: 5, silent: { info: true } },
    ],
    shouldAutoRun: () => isJobRunner(),
  },
  hooks: { afterError: [clientInputErrors] },
  // JSON lines at LOG_LEVEL, each with the id of the request it was written for.
  logger: { options: loggerOptions(env.logLevel) },
  telemetry: false,
  // The pages' in-process GraphQL reads run on the config of the instance that started.
  onInit: (payload) => serveConfig(payload.config),
})
  .then(restrictInternalCollections)
  .then(bilingualLabels)
