import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@licheng/db/testing';
import { createTestLicheng, fakeFile, seedRoster, users, type TestLicheng } from '@licheng/server/testing';
import registry from '@licheng/plugin-registry/server';
import { availablePlugins } from './plugins.ts';
import { at, configPath, form, noRegistryConfigPath, readConfigFile } from './testing/seed-schools.ts';

const registryProcedures = Object.entries(registry.router._def.procedures as unknown as Record<string, { _def: { type: string } }>).map(
  ([path, p]) => [`registry.${path}`, p._def.type] as const,
);

async function migrationTables(t: TestLicheng): Promise<string[]> {
  const tables = await t.db.kysely.introspection.getTables({ withInternalKyselyTables: true });
  return tables.map((table) => table.name).filter((name) => name.startsWith('licheng_migrations_') && !name.endsWith('_lock')).sort();
}

/** A config with one office switched off serves none of it: no procedures, routes, migrations or screens. */
describe.each(testDialects())('switching the registry office off on %s', (dialect) => {
  let t: TestLicheng;
  afterEach(async () => t?.close());

  const open = async (file: string) => {
    t = await createTestLicheng({ dialect, plugins: availablePlugins, config: readConfigFile(file) });
    return t;
  };
  const registryStaff = () => at(t, users.registry);

  it('serves no registry.* procedure, while the other offices work', async () => {
    await open(noRegistryConfigPath);
    expect(registryProcedures.length).toBeGreaterThan(0);
    for (const [path, type] of registryProcedures) {
      const res = type === 'query' ? await t.query(path, undefined, registryStaff()) : await t.mutate(path, {}, registryStaff());
      expect(res.status, path).toBe(404);
      expect(res.error?.code, path).toBe('NOT_FOUND');
    }
    const { courseIds } = await seedRoster(t);
    const upload = await t.upload('student.outcomes.upload', form({ courseId: courseIds['國語文']!, summary: '作品', document: fakeFile('pdf') }), at(t, users.chen));
    expect(upload.error).toBeNull();
    expect((await t.query('teaching.certifications.queue', undefined, at(t, users.wang))).data.items).toHaveLength(1);
  });

  it('has no registry routes, no registry migration table, and shows no registry screen', async () => {
    await open(noRegistryConfigPath);
    const headers = { authorization: `Bearer ${await t.token(registryStaff())}` };
    expect((await t.app.request('/api/registry/templates/students.xlsx', { headers })).status).toBe(404);
    expect((await t.app.request('/api/registry/templates/students.csv', { headers })).status).toBe(404);
    expect(await migrationTables(t)).toEqual(['licheng_migrations_platform', 'licheng_migrations_student']);
    const health = (await (await t.app.request('/health')).json()) as { plugins: string[] };
    expect(health.plugins).toEqual(['student', 'teaching']);
    const me = await t.query('platform.me', undefined, registryStaff());
    expect(me.data.offices).toEqual([]);
    const doc = (await (await t.app.request('/openapi.json')).json()) as { paths: Record<string, unknown>; tags: { name: string }[] };
    expect(Object.keys(doc.paths).filter((p) => p.includes('registry'))).toEqual([]);
    expect(doc.tags.map((tag) => tag.name)).toEqual(['platform', 'student', 'teaching']);
  });

  it('with the registry on (羅東), the same calls are served', async () => {
    await open(configPath('luodong'));
    expect((await t.query('registry.imports.templates', undefined, registryStaff())).status).toBe(200);
    const headers = { authorization: `Bearer ${await t.token(registryStaff())}` };
    expect((await t.app.request('/api/registry/templates/students.csv', { headers })).status).toBe(200);
    const me = await t.query('platform.me', undefined, registryStaff());
    expect(me.data.offices.map((o: { id: string }) => o.id)).toEqual(['registry', 'receipt', 'competitions']);
    const health = (await (await t.app.request('/health')).json()) as { plugins: string[] };
    expect(health.plugins).toEqual(['student', 'teaching', 'registry', 'working-group', 'homeroom', 'receipt', 'counseling', 'library', 'competitions', 'student-affairs', 'autobiography', 'curriculum']);
    const doc = (await (await t.app.request('/openapi.json')).json()) as { paths: Record<string, unknown> };
    const documented = Object.keys(doc.paths).filter((p) => p.startsWith('/trpc/registry.')).map((p) => p.slice('/trpc/'.length));
    expect(documented.sort()).toEqual(registryProcedures.map(([path]) => path).sort());
    expect(doc.paths['/api/registry/templates/{file}']).toBeDefined();
  });
});
