// Lint that can fail: errors stay errors.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The boundaries of src/ (docs/architecture.md): each list is what a folder may not import.
const botFramework = { regex: '^(botbuilder|botframework-)', message: 'Only src/teams/ talks to the Bot Framework.' };
const layers = {
  regex: '(^|/)(teams|http|cards|wiring)(/|$)',
  message: 'Services know nothing of Teams, HTTP or cards: take what you need as a parameter (a port).',
};
const features = {
  regex: '(^|/)(faq|requests|notices|notifications|questions|intents)(/|$)',
  message: 'Storage serves every feature and imports none of them.',
};
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const SERVICES = [
  'faq',
  'requests',
  'notices',
  'notifications',
  'questions',
  'intents',
  'storage',
  'language',
  'languages',
  'text',
  'outbound',
  'limits',
  'ids',
  'telemetry',
].map((dir) => `src/${dir}/**/*.ts`);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'appPackage/build/**', '.data/**', 'jest.config.js', 'jest.e2e.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
      // Empty catch blocks hide failures; a deliberate one says why in a comment.
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  { files: ['src/**/*.ts'], ignores: ['src/teams/**'], rules: restrict(botFramework) },
  { files: SERVICES, rules: restrict(botFramework, layers) },
  { files: ['src/storage/**/*.ts'], rules: restrict(botFramework, layers, features) },
  {
    // Jest's configuration helpers (test/*.js): CommonJS that jest loads before anything compiles.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'examples/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
