import { definePlugin } from '@licheng/server';
import manifest from '../manifest.ts';
import { registryMigrations } from './migrations.ts';
import { registryRouter } from './router.ts';
import { registryRoutes } from './routes.ts';
import { registryRetention } from './retention.ts';

export { registryRouter, type RegistryRouter } from './router.ts';
export { importRoster, type ImportOptions, type ImportResult } from './import-roster.ts';
export { exportRoster, type RosterExportInput, type RosterExportResult } from './roster-export.ts';
export { ROSTER_BUILDERS } from './rosters/builders.ts';
export { submittedSnapshot, type SubmittedSnapshot } from './rosters/snapshot-read.ts';
export { NO_ATTACHMENTS, type RosterAttachments } from './rosters/attachments.ts';
export { cliContext, exportRosterToFile, importRosterFile } from './cli.ts';
export { readTableFile, MAX_TABLE_BYTES, type TableFile } from './table-file.ts';
export { describeTemplates, type TemplateDescription } from './templates.ts';

/** 註冊組 — roster imports from the school system and roster (名冊) exports for the central database. */
export default definePlugin({ ...manifest, migrations: registryMigrations, retention: registryRetention, router: registryRouter, routes: registryRoutes });
