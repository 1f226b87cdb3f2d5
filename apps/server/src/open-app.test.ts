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
    const settings = settingsFor(schoolConfig({ plugins: { enabled: ['student', 'dormitory'] } }));
    await expect(openApp(settings)).rejects.toThrow(`school config 999902: unknown plugin "dormitory" (available: ${shipped})`);
  });

  it('refuses a seed config that enables an office not built yet, before touching the database', async () => {
    const huwei = readConfigFile(configPath('huwei'));
    const settings = settingsFor({ ...huwei, plugins: { enabled: ['student', 'teaching', 'registry', 'dormitory'] } });
    await expect(openApp(settings)).rejects.toThrow(`school config 094301: unknown plugin "dormitory" (available: ${shipped})`);
    expect(fs.existsSync(path.join(settings.dataDir, 'licheng.sqlite'))).toBe(false);
  });

  it('refuses the practicum office at a general school (羅東), before touching the database', async () => {
    const luodong = readConfigFile(configPath('luodong'));
    const settings = settingsFor({ ...luodong, plugins: { enabled: ['student', 'practicum'] } });
    await expect(openApp(settings)).rejects.toThrow('school config 020302: plugin "practicum" does not apply to a general school');
    expect(fs.existsSync(path.join(settings.dataDir, 'licheng.sqlite'))).toBe(false);
  });

  it('keeps the data folder owner-only: folders 0700, the database and stored files 0600, whatever the umask', async () => {
    const previous = process.umask(0);
    const dataDir = path.join(temp.make(), 'new-data');
    const settings = readSettings({ LICHENG_HOST_SECRET: HOST_SECRET, LICHENG_SCHOOL_CONFIG: temp.json('school.json', schoolConfig()), LICHENG_DATA_DIR: dataDir });
    try {
      const { db, storage } = await openApp(settings);
      try {
        const put = await storage.put(new Blob(['%PDF-1.7 報告']).stream(), { maxBytes: 100, tooLarge: () => new Error('too large') });
        const object = path.join(dataDir, 'files', 'objects', put.sha256.slice(0, 2), put.sha256.slice(2, 4), put.sha256);
        const mode = (p: string) => [path.relative(dataDir, p), fs.statSync(p).mode & 0o777];
        for (const dir of [dataDir, path.join(dataDir, 'files'), path.join(dataDir, 'files', 'objects'), path.join(dataDir, 'files', 'tmp'), storage.tempDir]) expect(mode(dir)).toEqual([path.relative(dataDir, dir), 0o700]);
        for (const file of [path.join(dataDir, 'licheng.sqlite'), object]) expect(mode(file)).toEqual([path.relative(dataDir, file), 0o600]);
      } finally {
        await db.destroy();
      }
    } finally {
      process.umask(previous);
    }
  });

  it('tightens a data folder an older version left open to everyone', async () => {
    const dataDir = temp.make();
    fs.chmodSync(dataDir, 0o755);
    fs.mkdirSync(path.join(dataDir, 'files', 'objects'), { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(dataDir, 'licheng.sqlite'), '');
    fs.chmodSync(path.join(dataDir, 'licheng.sqlite'), 0o644);
    const { db } = await openApp(readSettings({ LICHENG_HOST_SECRET: HOST_SECRET, LICHENG_SCHOOL_CONFIG: temp.json('school.json', schoolConfig()), LICHENG_DATA_DIR: dataDir }));
    await db.destroy();
    for (const dir of [dataDir, path.join(dataDir, 'files'), path.join(dataDir, 'files', 'objects')]) expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dataDir, 'licheng.sqlite')).mode & 0o777).toBe(0o600);
  });
});
