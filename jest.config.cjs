// Jest runs in CommonJS mode: NestJS 12 ships ESM only, so those packages are transformed by SWC.
const esmOnly = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  '@borewit',
  'uint8array-extras',
  'content-disposition',
  'uuid',
  'openid-client',
  'oauth4webapi',
  'jose',
];

const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    '^.+\\.js$': ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: {
    '^#libs/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^#apps/(.*)$': '<rootDir>/apps/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};

module.exports = {
  // Integration tests start real services on a shared 2-core machine; unit tests finish far sooner.
  testTimeout: 60_000,
  // No forceExit: the harness (test/support/child-processes.ts) stops every child, server and folder a test
  // file started once the file ends, and the files close their apps, so Jest exits by itself. forceExit used to
  // end the process before clean-up and leave redis-servers behind (issue 23; docs/testing.md).
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/examples/**/*.spec.ts'],
    },
    {
      ...base,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/libs/**/*.int-spec.ts',
        '<rootDir>/apps/**/*.int-spec.ts',
        '<rootDir>/test/**/*.e2e-spec.ts',
        '<rootDir>/examples/**/*.e2e-spec.ts',
      ],
      // The harness owns what a test file spawns: it dies when the file ends, Jest exits or the run is interrupted (docs/testing.md).
      testEnvironment: '<rootDir>/test/support/owning-environment.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/own-children.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
