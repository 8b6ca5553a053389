// One flat config. The renderer runs in a sandboxed page: it may reach the station only through
// the typed API, so Node, Electron and native modules are forbidden there (and in common/, which
// both sides compile).
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeOnly = ['electron', 'node:*', 'better-sqlite3', 'serialport', '@serialport/*', 'onvif', 'fastify', 'fs', 'path', 'child_process', 'os', 'net', 'crypto'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.tsbuild/**', 'test-output/**', 'bench-output/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'common/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeOnly, message: 'The renderer and common code run without Node: talk to the station through the typed API.' },
          { group: ['**/main/**', '../main/*', '**/hardware/**'], message: 'The renderer may not import station internals; use common/.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error',
      // The browser's own date pickers and validation bubbles follow the browser's language
      // (08/15/1995, "Please fill out this field."): the desk uses its own fields and messages.
      'no-restricted-syntax': ['error',
        { selector: "JSXAttribute[name.name='type'] > Literal[value=/^(date|time|datetime-local|month|week)$/]", message: 'No native date/time inputs: use widgets/dates (YYYY-MM-DD, 24-hour HH:mm).' },
        { selector: "JSXOpeningElement[name.name=/^(input|select|textarea)$/] > JSXAttribute[name.name=/^(required|pattern)$/]", message: 'No browser validation: the form checks itself (Field required, useSubmit.check).' },
        { selector: "JSXOpeningElement[name.name='form']:not(:has(JSXAttribute[name.name='noValidate'], JSXSpreadAttribute))", message: 'Every form is noValidate (or spreads useSubmit().form): no browser validation bubbles.' },
      ],
    },
  },
  {
    files: ['main/**/*.ts', 'hardware/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Only main/electron/ may import electron.' }],
      }],
    },
  },
);
