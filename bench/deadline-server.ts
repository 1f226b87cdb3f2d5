// The server of the deadline benchmark, in its own process: `tsx deadline-server.ts
// <database-url> <files-dir>` serves the whole API with the student office on an already migrated
// and seeded database, its clock in the last hour of the selection window (deadline-school.ts);
// see observed-server.ts for its commands.
import { openDatabase } from '@licheng/db';
import { deadlineApp } from './deadline-school.ts';
import { serveObserved } from './observed-server.ts';

const [url, files] = process.argv.slice(2);
if (!url || !files) throw new Error('usage: deadline-server.ts <database-url> <files-dir>');
const app = await deadlineApp(openDatabase({ url }), files, false);
serveObserved(app.fetch);
