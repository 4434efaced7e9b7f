/**
 * The backend's layers, bottom first: the one place the order is written (docs/architecture.md
 * shows it, and a test checks the two agree). A folder of backend/src imports only folders of
 * lower layers, type imports included; folders on one layer do not import each other; files
 * directly in backend/src (main.ts, config.ts, the composition root) sit on top.
 */
module.exports = [
  ['domain', 'shared', 'contract'],
  ['knowledge', 'tickets', 'desk'],
  ['chat'],
  ['agent', 'jira-events'],
  ['mcp', 'store', 'socket', 'http'],
];
