import { afterEach, describe, expect, it } from 'vitest';
import { SchoolConfigError } from '@licheng/core';
import { createTestDatabase, testDialects, type TestDatabase } from '@licheng/db/testing';
import { migrateDeployment } from './deployment.ts';
import { addSchool, listSchools, readSchool, SchoolStoreError, seedSchools, updateSchool } from './school-store.ts';

const config = (code: string, name: string) => ({ code, name, type: 'general', plugins: { enabled: [] } });
const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe.each(testDialects())('the deployment’s schools on %s', (dialect) => {
  let db: TestDatabase;
  afterEach(async () => db?.destroy());

  it('adds a school once, checked, and keeps the configuration as written', async () => {
    db = await createTestDatabase(dialect);
    await migrateDeployment(db);
    const added = await addSchool(db.kysely, config('111111', '甲高中'), { by: 'operator' });
    expect(added).toMatchObject({ code: '111111', name: '甲高中', version: 1, updatedBy: 'operator' });
    expect((await readSchool(db.kysely, '111111'))?.config.plugins.enabled).toEqual([]);
    const twice = await refusal(addSchool(db.kysely, config('111111', '又一次'), { by: 'operator' }));
    expect(twice).toBeInstanceOf(SchoolStoreError);
    expect((twice as SchoolStoreError).code).toBe('school-exists');
    const bad = await refusal(addSchool(db.kysely, { code: '12', name: '' }, { by: 'operator' }));
    expect(bad).toBeInstanceOf(SchoolConfigError);
    const checked = await refusal(addSchool(db.kysely, config('333333', '丙高中'), { by: 'operator', check: () => { throw new Error('office "x" is not shipped'); } }));
    expect((checked as Error).message).toContain('not shipped');
    expect((await listSchools(db.kysely)).map((s) => s.code)).toEqual(['111111']);
  });

  it('updates only from the version read, never changes a code, and refuses a school it does not have', async () => {
    db = await createTestDatabase(dialect);
    await migrateDeployment(db);
    await addSchool(db.kysely, config('111111', '甲高中'), { by: 'operator' });
    const updated = await updateSchool(db.kysely, '111111', config('111111', '甲高級中學'), { by: 'admin', expectedVersion: 1 });
    expect(updated).toMatchObject({ name: '甲高級中學', version: 2, updatedBy: 'admin' });
    const stale = await refusal(updateSchool(db.kysely, '111111', config('111111', '舊名'), { by: 'other', expectedVersion: 1 }));
    expect((stale as SchoolStoreError).code).toBe('school-changed');
    expect((await readSchool(db.kysely, '111111'))?.name).toBe('甲高級中學');
    expect(((await refusal(updateSchool(db.kysely, '111111', config('222222', 'x'), { by: 'a' }))) as SchoolStoreError).code).toBe('school-code-differs');
    expect(((await refusal(updateSchool(db.kysely, '999999', config('999999', 'x'), { by: 'a' }))) as SchoolStoreError).code).toBe('school-missing');
  });

  it('seeds from files only the schools it does not have yet, so edits made since survive a restart', async () => {
    db = await createTestDatabase(dialect);
    await migrateDeployment(db);
    expect(await seedSchools(db.kysely, [config('111111', '甲高中'), config('222222', '乙高中')], { by: 'seed' })).toEqual(['111111', '222222']);
    await updateSchool(db.kysely, '111111', config('111111', '改過的名字'), { by: 'admin' });
    expect(await seedSchools(db.kysely, [config('111111', '甲高中'), config('222222', '乙高中')], { by: 'seed' })).toEqual([]);
    expect((await readSchool(db.kysely, '111111'))?.name).toBe('改過的名字');
  });
});
