// Flat config. The import rules below are the process boundaries: a breach is a lint error,
// not a code-review comment.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

const patterns = {
  electron: { group: ['electron', 'electron/*', '@electron/*', 'electron-store', '@napi-rs/keyring'], message: 'Electron and its adapters belong to main/ and preload/ only.' },
  react: { group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'antd', 'antd/*', '@ant-design/*'], message: 'React belongs to renderer/ only.' },
  main: { group: ['**/main/**', '**/main'], message: 'Import main-process code from main/ only.' },
  server: { group: ['**/server/**', '**/server', 'fastify', 'fastify/*', '@fastify/*', 'better-sqlite3'], message: 'The reference server is a separate package.' },
  renderer: { group: ['**/renderer/**', '**/renderer'], message: 'Renderer code belongs to renderer/ only.' },
  network: { group: ['axios', 'axios/*'], message: 'The renderer never talks to the network: go through window.wifox.' },
};

const nodeMessage = 'Node built-ins are not available here.';

// Renderer folders: `app` is the composition root (it wires the features together); each
// feature imports only its own files, renderer/common (shared UI pieces), renderer/ipc and
// shared/, so a feature can change without breaking another. common and ipc import no feature.
const RENDERER_FEATURES = ['layout', 'session', 'tokens', 'inventory', 'roles', 'leaks', 'policy', 'audit'];
const featureImports = (allowed) => {
  const others = ['app', ...RENDERER_FEATURES].filter((name) => name !== allowed);
  return {
    regex: `^(\\.\\./)+(${others.join('|')})(/|$)`,
    message: 'Renderer features do not import each other: move what several features use to renderer/common/.',
  };
};
const rendererImports = (extra = []) => ['error', {
  paths: nodeBuiltins.map((name) => ({ name, message: nodeMessage })),
  patterns: [patterns.electron, patterns.main, patterns.server, patterns.network, ...extra],
}];

const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'HTMLElement', 'fetch', 'XMLHttpRequest', 'process', 'Buffer', 'require', '__dirname'];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'test-results/', 'coverage/', 'server/node_modules/', 'test/lint/fixtures/', '.stryker-tmp/', 'reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.map((name) => ({ name, message: nodeMessage })),
        patterns: [patterns.electron, patterns.react, patterns.main, patterns.server, patterns.renderer, patterns.network],
      }],
      'no-restricted-globals': ['error', ...domGlobals.map((name) => ({ name, message: 'shared/ runs in every process: no DOM or Node globals.' }))],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': rendererImports(),
      'no-restricted-globals': ['error', { name: 'fetch', message: 'The renderer never talks to the network.' }, { name: 'XMLHttpRequest', message: 'The renderer never talks to the network.' }, { name: 'WebSocket', message: 'The renderer never talks to the network.' }],
    },
  },
  ...RENDERER_FEATURES.map((feature) => ({
    files: [`renderer/${feature}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': rendererImports([featureImports(feature)]) },
  })),
  {
    files: ['renderer/common/**/*.{ts,tsx}', 'renderer/ipc/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': rendererImports([featureImports(null)]) },
  },
  {
    files: ['main/**/*.ts', 'preload/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [patterns.react, patterns.renderer, patterns.server] }],
    },
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [patterns.react, patterns.renderer, patterns.main, patterns.electron] }],
      'no-console': 'off',
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.{js,mjs,ts}', '*.config.{js,ts,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-console': 'off' },
  },
);
