import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from './open-app.ts';
import { availablePlugins } from './plugins.ts';
import { readSettings } from './settings.ts';
import { configPath, readConfigFile } from './testing/seed-schools.ts';
import { HOST_SECRET, schoolConfig, tempDirs } from './testing/temp.ts';

/** What the error lists as existing: every office this build ships. */
const shipped = availablePlugins.map((p) => p.id).join(', ');

const temp = tempDirs();
afterEach(() => temp.cleanup());

function settingsFor(config: Record<string, unknown>) {
  return readSettings({ LICHENG_HOST_SECRET: HOST_SECRET, LICHENG_SCHOOL_CONFIG: temp.json('school.json', config), LICHENG_DATA_DIR: temp.make() });
}

describe('openApp', () => {
  it('opens the embedded database in the data folder and migrates only the enabled offices', async () => {
    const settings = settingsFor(schoolConfig({ plugins: { enabled: ['student'] } }));
    const { app, db } = await openApp(settings);
    try {
      expect(db.dialect).toBe('sqlite');
      expect(fs.existsSync(path.join(settings.dataDir, 'licheng.sqlite'))).toBe(true);
      expect(app.plugins.map((p) => p.id)).toEqual(['student']);
      const health = (await (await app.request('/health')).json()) as Record<string, unknown>;
      expect(health).toMatchObject({ status: 'ok', school: '999902', database: 'sqlite', plugins: ['student'] });
    } finally {
      await db.destroy();
    }
  });

  it('refuses a school config that enables an office nobody ships, naming it and what exists', async () => {
    const settings = settingsFor(schoolConfig({ plugins: { enabled: ['student', 'library'] } }));
    await expect(openApp(settings)).rejects.toThrow(`school config 999902: unknown plugin "library" (available: ${shipped})`);
  });

  it('refuses a seed config that enables an office not built yet, before touching the database', async () => {
    const huwei = readConfigFile(configPath('huwei'));
    const settings = settingsFor({ ...huwei, plugins: { enabled: ['student', 'teaching', 'registry', 'library'] } });
    await expect(openApp(settings)).rejects.toThrow(`school config 094301: unknown plugin "library" (available: ${shipped})`);
    expect(fs.existsSync(path.join(settings.dataDir, 'licheng.sqlite'))).toBe(false);
  });

  it('refuses the practicum office at a general school (羅東), before touching the database', async () => {
    const luodong = readConfigFile(configPath('luodong'));
    const settings = settingsFor({ ...luodong, plugins: { enabled: ['student', 'practicum'] } });
    await expect(openApp(settings)).rejects.toThrow('school config 020302: plugin "practicum" does not apply to a general school');
    expect(fs.existsSync(path.join(settings.dataDir, 'licheng.sqlite'))).toBe(false);
  });
});
