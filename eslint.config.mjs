import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// One dependency per folder (STYLE.md): each SDK is imported only by the folder(s) that own it.
const owners = [
  { folders: ['mcp'], group: ['@modelcontextprotocol/*'], message: 'Only backend/src/mcp/ imports the MCP SDK.' },
  { folders: ['agent'], group: ['@langchain/*'], message: 'Only backend/src/agent/ imports LangChain/LangGraph.' },
  {
    folders: ['socket'],
    group: ['socket.io', '@socket.io/*', 'ioredis'],
    message: 'Only backend/src/socket/ imports socket.io, its Redis adapter and the Redis client.',
  },
  { folders: ['http'], group: ['express'], message: 'Only backend/src/http/ imports express.' },
  {
    folders: ['store', 'agent'],
    group: ['better-sqlite3'],
    message: 'Only backend/src/store/ (and agent/, for the LangGraph checkpointer) imports better-sqlite3.',
  },
  // A folder inside an owner's folder owns its own dependency: listed after its parent, its rule wins.
  { folders: ['store/postgres'], group: ['pg', 'pg-*'], message: 'Only backend/src/store/postgres/ imports pg.' },
];
const ownerFolders = [...new Set(owners.flatMap((o) => o.folders))];
const bansExcept = (folder) =>
  owners.filter((o) => !o.folders.includes(folder)).map(({ group, message }) => ({ group, message }));
const boundaryRules = [
  ...ownerFolders.map((folder) => ({
    files: [`backend/src/${folder}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: bansExcept(folder) }] },
  })),
  {
    files: ['backend/src/**/*.ts'],
    ignores: ownerFolders.map((folder) => `backend/src/${folder}/**`),
    rules: { 'no-restricted-imports': ['error', { patterns: bansExcept(undefined) }] },
  },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/data/**', '**/.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  ...boundaryRules,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['backend/test/**/*.ts', 'web/test/**/*.ts', 'backend/bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
