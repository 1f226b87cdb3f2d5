// The stack side of the stack-vs-bare benchmark, in its own process: `tsx stack-server.ts
// <database-url> <files-dir>` serves the whole API (token check, tRPC, the student office,
// Kysely) on an already migrated and seeded database; see measured-server.ts for its commands.
import { openDatabase } from '@licheng/db';
import { serveMeasured } from './measured-server.ts';
import { schoolApp } from './stack-vs-bare-school.ts';

const [url, files] = process.argv.slice(2);
if (!url || !files) throw new Error('usage: stack-server.ts <database-url> <files-dir>');
const app = await schoolApp(openDatabase({ url }), files, false);
serveMeasured(app.fetch);
