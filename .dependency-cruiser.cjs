/**
 * The backend's layers (docs/architecture.md, "Layers"), bottom first. A folder imports only
 * folders of lower layers — type imports included — so the folder graph cannot have a cycle.
 * Folders on one layer do not import each other. Files directly in backend/src (main.ts, config.ts,
 * the composition root) are the top layer.
 */
const LAYERS = [
  ['domain', 'shared', 'contract'],
  ['knowledge', 'tickets', 'desk'],
  ['chat'],
  ['agent', 'jira-events'],
  ['mcp', 'store', 'socket', 'http'],
];

const folderPath = (folder) => `^backend/src/${folder}/`;
const layerRules = LAYERS.flatMap((folders, index) => {
  const notBelow = LAYERS.slice(index).flat();
  return folders.map((folder) => ({
    name: `layer:${folder}`,
    comment: `${folder}/ is on layer ${index + 1}; it may import only ${
      LAYERS.slice(0, index).flat().join(', ') || 'nothing else in the backend'
    }`,
    severity: 'error',
    from: { path: folderPath(folder) },
    to: {
      path: `^backend/src/(${notBelow.filter((f) => f !== folder).join('|')})/|^backend/src/[^/]+\\.ts$`,
    },
  }));
});

module.exports = {

  forbidden: [
    ...layerRules,
    {
      name: 'no-circular',
      comment: 'No import cycle between modules either.',
      severity: 'error',
      from: { path: '^(backend|web)/src/' },
      to: { circular: true },
    },
    {
      name: 'web-only-contract',
      comment: 'The widget reaches the backend only through its zero-dependency contract.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^backend/src/', pathNot: '^backend/src/contract/' },
    },
    {
      name: 'contract-has-no-dependencies',
      severity: 'error',
      from: { path: '^backend/src/contract/' },
      to: { pathNot: '^backend/src/contract/' },
    },
    {
      name: 'domain-has-no-dependencies',
      severity: 'error',
      from: { path: '^backend/src/domain/' },
      to: { pathNot: '^backend/src/domain/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    exclude: { path: '(^|/)(node_modules|dist|test|bench)/' },
  },
};
