// A worker thread's first module when the service runs from its TypeScript sources: loads the
// module named last on its argv through tsx (spawn-worker.ts passes it).
import { tsImport } from 'tsx/esm/api';

await tsImport(process.argv[process.argv.length - 1], import.meta.url);
