/** The layering rules of docs/architecture.md, checked on every `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-plain-typescript',
      comment: 'domain/ imports no framework, no ORM, no I/O library',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { path: 'node_modules/(@nestjs|@mikro-orm|bullmq|ioredis|argon2|nodemailer|pg|fastify|@fastify)/' },
    },
    {
      name: 'domain-imports-no-outer-layer',
      comment: 'domain/ never reaches into application/, infrastructure/ or interface/',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/domain/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^libs/[^/]+/src/(application|infrastructure|interface)/' },
    },
    {
      name: 'application-imports-no-adapter',
      comment:
        'application/ depends on ports, not on infrastructure or HTTP (its specs are exempt: unit specs use infrastructure/testing/, medium int-specs choose real adapters)',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/application/', pathNot: '\\.(spec|int-spec)\\.ts$' },
      to: { path: '^libs/[^/]+/src/(infrastructure|interface)/' },
    },
    {
      name: 'domain-reaches-no-framework',
      comment:
        'nothing a domain/ file imports, directly or through other files, is Nest, MikroORM or ioredis (domain code takes its building blocks from #libs/building-blocks, never from #libs/platform)',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/', pathNot: '\\.spec\\.ts$' },
      to: { path: 'node_modules/(@nestjs|@mikro-orm|ioredis)/', reachable: true },
    },
    {
      name: 'building-blocks-are-pure',
      comment:
        'libs/building-blocks (errors, aggregate root, domain event, clock) imports no framework and no other library of the repository',
      severity: 'error',
      from: { path: '^libs/building-blocks/' },
      to: { path: ['node_modules/', '^libs/(?!building-blocks/)'] },
    },
    {
      name: 'modules-meet-at-index',
      comment: 'another module is reached only through its index.ts (#libs/<module>)',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/' },
      to: { path: '^libs/([^/]+)/src/', pathNot: ['^libs/$1/src/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'apps-use-module-surfaces',
      comment:
        'the entry points wire modules through their public surface only; the tracing preloads (apps/*/src/instrument.ts) start the telemetry files directly, as the index would load the traced packages before the SDK',
      severity: 'error',
      from: { path: '^(apps|test)/' },
      to: {
        path: '^libs/[^/]+/src/',
        pathNot: [
          '^libs/[^/]+/src/index\\.ts$',
          '^libs/[^/]+/src/.*/testing/',
          '^libs/platform/src/infrastructure/telemetry/(tracing-settings|start-tracing)\\.ts$',
        ],
      },
    },
    {
      name: 'extensions-use-public-surfaces',
      comment:
        'an extension (examples/) reaches Latchkey only through #libs/<module> and #apps/<app>: what a team outside this repository could use',
      severity: 'error',
      from: { path: '^examples/' },
      to: { path: '^(libs|apps)/', pathNot: ['^libs/[^/]+/src/index\\.ts$', '^apps/(api|worker)/src/index\\.ts$'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.d\\.ts$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['latchkey-source', 'import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.json'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
