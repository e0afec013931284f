// Layer rules (see ARCHITECTURE.md): code under a `common/` folder runs anywhere and may not
// import Node built-ins or `node/` code; the UI and apps may take only types from vms-core.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// A regex, not gitignore-style groups: the group "events" also matched any folder named events.
const nodeBuiltins = '^(node:.*|fs(/.*)?|path|os|net|dgram|http|https|crypto|child_process|stream|events|zlib|worker_threads|better-sqlite3|fastify)$';

// packages/desktop is the Electron shells' main-process and launcher code (Node, electron,
// esbuild). Only its import-free ./local-site-state export may be reached from a pure common/.
// Regexes: the gitignore-style group "@nightjar/desktop" would match its subpaths too.
const desktopByPath = '(.*/)?(desktop/src(/.*)?|packages/desktop/?)';
const desktopMainCode = `^(@nightjar/desktop(/(electron|build))?|${desktopByPath})$`;
const desktopAnything = `^(@nightjar/desktop(/.*)?|${desktopByPath})$`;

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['packages/vms-core/src/**/common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: nodeBuiltins, message: 'common/ code is pure: no Node built-ins here.' },
          { group: ['**/node/*', '**/node'], message: 'common/ may not import node/ code.' },
        ],
      }],
    },
  },
  {
    files: ['packages/ui/**/*.{ts,tsx}', 'apps/*/src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: nodeBuiltins, message: 'The renderer never touches Node.' },
          { group: ['@nightjar/vms-core/node', '@nightjar/vms-core/site-lock', '**/vms-core/src/**'], message: 'Reach the core through its API; only `import type` from @nightjar/vms-core.' },
          { group: ['electron', 'electron/*', '**/main/**', '**/preload/**'], message: 'The renderer reaches Electron only through its desktop API global (src/common/desktopApi.ts).' },
          { regex: desktopAnything, message: 'packages/desktop is main-process code: a renderer never imports it.' },
        ],
        paths: [{ name: '@nightjar/vms-core', allowTypeImports: true, message: 'Only types from vms-core.' }],
      }],
    },
  },
  {
    // An app's common/ is shared by its Electron main process and its renderer: pure.
    files: ['apps/*/src/common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: nodeBuiltins, message: 'common/ code is pure: no Node built-ins here.' },
          { group: ['electron', 'electron/*', '**/main/**', '**/preload/**', '**/renderer/**'], message: 'common/ may import only common/ code.' },
          { regex: desktopMainCode, message: 'common/ is shared with the renderer: from packages/desktop only @nightjar/desktop/local-site-state (pure).' },
        ],
      }],
    },
  },
  {
    // A sandboxed preload can load only Electron's renderer modules; everything else is bundled pure code.
    files: ['apps/*/src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: nodeBuiltins, message: 'A sandboxed preload has no Node built-ins.' },
          { group: ['**/main/**', '**/renderer/**'], message: 'The preload takes only common/ code.' },
          { regex: desktopAnything, message: 'The preload takes only common/ code (a sandbox runs no main-process code).' },
        ],
      }],
    },
  },
  {
    // The shells' shared main-process code serves the apps; it never reaches into them or into the UI.
    files: ['packages/desktop/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/apps/**', '@nightjar/ui', '@nightjar/ui/*', '@nightjar/*-client'], message: 'packages/desktop may not import the apps or the UI.' }],
      }],
    },
  },
  {
    // Its one export for apps' common/ (and through it the renderers' types): pure, import-free.
    files: ['packages/desktop/src/localSiteState.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '.*', message: 'localSiteState.ts is shared with renderers: it imports nothing.' }],
      }],
    },
  },
);
