import type { SchoolConfig } from '@licheng/core';
import type { LichengDb } from '@licheng/db';
import { enabledPluginJobs, enabledPlugins, reminderJob, retentionJob, type JobDefinition, type MailTransport } from '@licheng/server';
import { availablePlugins } from './plugins.ts';
import type { CommonSettings } from './settings.ts';

/**
 * One school's background jobs, each under a lease named by the school (docs/adr/0026): reminders
 * of deadlines in the app, and by e-mail when LICHENG_SMTP_HOST is set; sealing graduates and
 * purging them after the retention period, with each enabled office's own rows, daily; and the
 * jobs of the enabled offices (the receipt's 視同確認 after a window closes).
 */
export function schoolJobs(db: LichengDb, config: SchoolConfig, mail: MailTransport | null, settings: CommonSettings): JobDefinition[] {
  return [
    reminderJob({ db: db.kysely, config, mail, everyMs: settings.reminderIntervalMs }),
    retentionJob({ db: db.kysely, dialect: db.dialect, config, offices: enabledPlugins(config, availablePlugins) }),
    ...enabledPluginJobs(config, availablePlugins, db.kysely),
  ];
}
