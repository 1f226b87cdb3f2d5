// The server of the bulk benchmark, in its own process: `tsx bulk-server.ts <database-url>
// <files-dir>` serves the whole API with the registry and student offices on an already migrated
// database (bulk-school.ts); see observed-server.ts for its commands.
import { openDatabase } from '@licheng/db';
import { bulkApp } from './bulk-school.ts';
import { serveObserved } from './observed-server.ts';

const [url, files] = process.argv.slice(2);
if (!url || !files) throw new Error('usage: bulk-server.ts <database-url> <files-dir>');
const app = await bulkApp(openDatabase({ url }), files, false);
serveObserved(app.fetch);
