/**
 * Import rules for `npm run lint`: the layer order of scripts/layers.cjs (a folder imports only
 * lower layers, type imports included, so the folder graph has no cycle), no module cycles, and a
 * widget that reaches the backend only through the zero-dependency contract.
 */
const LAYERS = require('./scripts/layers.cjs');

const layerRules = LAYERS.flatMap((folders, index) => {
  const below = LAYERS.slice(0, index).flat();
  return folders.map((folder) => ({
    name: `layer:${folder}`,
    comment: `${folder}/ is on layer ${index + 1}: it imports only ${below.join(', ') || 'nothing else in the backend'}`,
    severity: 'error',
    from: { path: `^backend/src/${folder}/` },
    to: { path: '^backend/src/', pathNot: `^backend/src/(${[...below, folder].join('|')})/` },
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
