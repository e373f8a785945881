import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { de } from '@payloadcms/translations/languages/de'
import { en } from '@payloadcms/translations/languages/en'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Events } from '@collections/Events'
import { Media } from '@collections/Media'
import { News } from '@collections/News'
import { Organizations } from '@collections/Organizations'
import { People } from '@collections/People'
import { Principles } from '@collections/Principles'
import { Projects } from '@collections/Projects'
import { Signatories } from '@collections/Signatories'
import { Users } from '@collections/Users'

import { restrictInternalCollections } from './access/internalCollections'
import { livePreview } from './admin/preview'
import { databaseAdapter, parseDatabaseUri } from './database/adapter'
import { emailAdapter } from './email/adapter'
import { limitRules } from './graphql/limitRules'
import { limits } from './graphql/limits'
import { readEnvironment } from './env'
import { Declaration } from './globals/Declaration'
import { Site } from './globals/Site'
import { locales } from './locales'
import { pageSizeLimit } from './plugins/pageSizeLimit'
import { databaseLayers } from './plugins/databaseLayers'
import { search } from './search/plugin'
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
    Users,
  ],
  globals: [Declaration, Site],
  localization: {
    locales: locales.map(({ code, label }) => ({ code, label })),
    defaultLocale: 'de',
    fallback: true,
  },
  i18n: { supportedLanguages: { de, en }, fallbackLanguage: 'de' },
  admin: {
    user: Users.slug,
    // No network here or on many servers: never ask Gravatar for avatars.
    avatar: 'default',
    meta: { titleSuffix: ' – New Wave of European AI' },
    importMap: { baseDir: fromRoot('src') },
    components: { beforeDashboard: ['/components/admin/ReviewQueue#ReviewQueue'] },
    livePreview,
  },
  upload: { limits: { fileSize: env.uploadMaxBytes } },
  graphQL: {
    schemaOutputFile: fromRoot('schema.graphql'),
    disablePlaygroundInProduction: true,
    disableIntrospectionInProduction: true,
    maxComplexity: limits.maxComplexity,
    validationRules: (args) => limitRules(args),
  },
  plugins: [pageSizeLimit, databaseLayers, search],
  typescript: {
    outputFile: fromRoot('src/payload-types.ts'),
    // Generated on purpose with `npm run generate`; a test fails when the committed file drifts.
    autoGenerate: false,
  },
  jobs: {
    // Scheduled publishing runs in this process, once a minute; tests run jobs by hand.
    autoRun: [{ cron: '* * * * *', queue: 'default', limit: 20 }],
    shouldAutoRun: () => process.env.NODE_ENV !== 'test',
  },
  logger: { options: { level: env.logLevel } },
  telemetry: false,
}).then(restrictInternalCollections)
