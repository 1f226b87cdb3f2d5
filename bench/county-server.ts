// The county side of the county benchmark, in its own process: `tsx county-server.ts
// <database-url> <files-dir>` serves every school of an already seeded deployment database
// through one deployment (each request handed to its token's school); see measured-server.ts.
import { openDatabase } from '@licheng/db';
import student from '@licheng/plugin-student/server';
import { createDeployment, LocalFileStorage } from '@licheng/server';
import { serveMeasured } from './measured-server.ts';
import { SECRET } from './stack-vs-bare-school.ts';

const [url, files] = process.argv.slice(2);
if (!url || !files) throw new Error('usage: county-server.ts <database-url> <files-dir>');
const deployment = await createDeployment({ db: openDatabase({ url }), storage: new LocalFileStorage(files), hostSecret: SECRET, plugins: [student] });
serveMeasured((request) => deployment.fetch(request));
