/**
 * The layers of src/, in request order (docs/architecture.md). A layer imports only layers below it;
 * the composition roots (src/process, src/app, src/payload.config.ts) may import any layer, and no
 * layer imports them. Checked in `npm test` (`npm run lint:layers`).
 */
const layers = [
  ['edge', '^src/edge/'],
  ['readCache', '^src/readCache/'],
  ['web', '^src/web/'],
  ['graphql', '^src/graphql/'],
  ['cms', '^(src/cms/|collections/)'],
  ['operations', '^src/operations/'],
  ['data', '^src/data/'],
  ['observability', '^src/observability/'],
  ['replicas', '^src/replicas/'],
  ['core', '^src/(core/|payload-types\\.ts$)'],
]

const roots = '^(src/process/|src/app/|src/payload\\.config\\.ts$)'

const upward = layers.slice(0, -1).map(([name, path], index) => ({
  name: `no-import-up-into-${name}`,
  comment: `${name} sits above ${layers
    .slice(index + 1)
    .map(([lower]) => lower)
    .join(', ')}: those may not import it`,
  severity: 'error',
  from: { path: layers.slice(index + 1).map(([, lower]) => lower) },
  to: { path },
}))

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'no-import-of-composition-roots',
      comment:
        'the process, Next routes and the Payload config compose the layers; none imports them',
      severity: 'error',
      from: { path: '^(src|collections)/', pathNot: roots },
      to: { path: roots },
    },
    {
      name: 'no-circular',
      comment: 'a cycle makes the order of module initialisation matter',
      severity: 'error',
      from: { path: '^(src|collections)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.next|\\.server)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
  },
}
