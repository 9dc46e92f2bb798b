// ESLint for the whole tree (`npm run lint`): typescript-eslint's type-checked recommendations,
// the React hooks rules for the web app, and DESIGN.md's package boundaries as import rules.
// Formatting is Prettier's job (`.prettierrc.json`); nothing here is about layout.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Tests, test support, end-to-end suites and test configs may build fixtures with any package
// (the dashboard's e2e runs real sweeps through the runner); the boundaries hold for shipped code.
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', '**/*.test-support.ts', '**/test-support/**', '**/testing/**', '**/e2e/**', '**/vitest.config.ts'];

// Node modules that do I/O, keep time or draw randomness: core is pure (DESIGN.md, "never").
const NODE_IO = [
  'fs',
  'fs/promises',
  'child_process',
  'net',
  'http',
  'https',
  'http2',
  'dgram',
  'dns',
  'tls',
  'worker_threads',
  'cluster',
  'readline',
  'os',
  'process',
  'timers',
  'timers/promises',
  'crypto',
  'stream',
  'inspector',
  'v8',
  'vm',
];
const nodeIo = {
  regex: `^(node:)?(${NODE_IO.join('|')})(/.*)?$`,
  message: 'core does no I/O, keeps no timers and draws no global randomness (DESIGN.md); take it as a parameter.',
};

/** A package import by name, with the reason the boundary exists. */
const pkg = (name, message) => ({ name, message });
const apps = [pkg('@loopsweep/cli', 'packages never import the apps (DESIGN.md).'), pkg('@loopsweep/dashboard', 'packages never import the apps (DESIGN.md).')];

/**
 * One `no-restricted-imports` setting. A file matched by several of these gets only the last one
 * (ESLint replaces rule options, it does not merge them), so each carries the tree-wide rules.
 */
function boundary(files, { paths = [], patterns = [] } = {}, ignores = []) {
  const everywhere = [
    // Each package has one public entry (its package.json `exports`); nothing reaches into its files.
    { regex: '^@loopsweep/[^/]+/(src|dist)(/|$)', message: "import the package's public entry, not its files (DESIGN.md)." },
    // A relative path that climbs out of this package and into another one's sources.
    { regex: '^(\\.\\./)+([^./][^/]*/)+src(/|$)', message: 'import the other package by name (@loopsweep/…), not a path into its src/ (DESIGN.md).' },
  ];
  return { files, ignores, rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns: [...everywhere, ...patterns] }] } };
}

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', '**/e2e/artifacts/**', '.nx/**', 'runs/**', 'tmp/**'],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // DESIGN.md's nevers, enforced by the boundary configs below (this is the TS-aware variant).
      'no-restricted-imports': 'off',
      // A union switched over without a case for each member is how a new trial state or sampler
      // kind gets silently ignored.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Off: fastify handlers and hooks are `async` to use fastify's promise API (a sync hook must
      // call done(), a sync handler must call reply.send()), so an async function without await is
      // deliberate there; no-floating-promises and no-misused-promises catch the real mistakes.
      '@typescript-eslint/require-await': 'off',
      // `_`-prefixed names are deliberately unused (positional parameters of a callback).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },

  // Off in tests: they parse the JSON a CLI or an HTTP response printed (`any`) and check it with
  // `expect`; typing each response again in the test would repeat the production types and check
  // nothing more. Shipped code keeps these rules.
  {
    files: TEST_FILES,
    rules: Object.fromEntries(
      ['no-explicit-any', 'no-unsafe-argument', 'no-unsafe-assignment', 'no-unsafe-call', 'no-unsafe-member-access', 'no-unsafe-return'].map((rule) => [
        `@typescript-eslint/${rule}`,
        'off',
      ]),
    ),
  },

  // Plain-JavaScript scripts (benchmarks, examples, worker fixtures) are in no tsconfig, so they
  // get the rules that need no type information.
  { files: ['**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },

  // The web app runs in the browser and follows the rules of hooks.
  {
    files: ['apps/dashboard/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },

  // Package boundaries (DESIGN.md, "Layout and boundaries").
  boundary(['**/*.{ts,tsx,mjs,js}']),
  boundary(['packages/**'], { paths: apps }),
  boundary(['packages/core/**'], { paths: apps, patterns: [{ regex: '^@loopsweep/', message: 'core imports nothing internal (DESIGN.md).' }] }),
  boundary(
    ['packages/core/src/**'],
    { paths: apps, patterns: [{ regex: '^@loopsweep/', message: 'core imports nothing internal (DESIGN.md).' }, nodeIo] },
    TEST_FILES,
  ),
  {
    files: ['packages/core/src/**'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-globals': [
        'error',
        ...['setTimeout', 'setInterval', 'setImmediate', 'fetch'].map((name) => ({ name, message: 'core keeps no timers and does no I/O (DESIGN.md).' })),
      ],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'every RNG in core is seeded and passed in (DESIGN.md).' }],
    },
  },
  boundary(['packages/model/**'], {
    paths: [
      ...apps,
      pkg('@loopsweep/store', 'the model never imports the store (DESIGN.md).'),
      pkg('@loopsweep/runner', 'the model never imports the runner (DESIGN.md).'),
    ],
  }),
  boundary(['packages/store/**'], {
    paths: [
      ...apps,
      pkg('@loopsweep/model', 'the store never imports the model (DESIGN.md).'),
      pkg('@loopsweep/runner', 'the store never imports the runner (DESIGN.md).'),
    ],
  }),
  boundary(
    ['apps/dashboard/**'],
    {
      paths: [
        pkg('@loopsweep/runner', 'the dashboard only reads results; it never imports the runner (DESIGN.md).'),
        pkg('@loopsweep/model', 'the dashboard only reads results; it never imports the model (DESIGN.md).'),
        {
          name: '@loopsweep/store',
          importNames: ['SqliteTrialStore'],
          message: "the dashboard never writes the database: use the store's read API (SweepReader) (DESIGN.md).",
        },
      ],
    },
    TEST_FILES,
  ),
);
