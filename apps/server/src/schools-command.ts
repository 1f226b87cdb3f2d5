import fs from 'node:fs';
import { openDatabase } from '@licheng/db';
import { addSchool, listSchools, migrateDeployment, readSchool, SchoolStoreError, updateSchool } from '@licheng/server';
import { SchoolConfigError } from '@licheng/core';
import { checkOffices } from './plugins.ts';
import type { DeploymentSettings } from './settings.ts';

export const schoolsUsage = `  licheng schools list                             the schools this deployment serves (LICHENG_MULTI_SCHOOL=1)
  licheng schools show <code>                      a school's configuration as stored (JSON)
  licheng schools add <config.json>                add a school; the running servers serve it within a minute
  licheng schools update <config.json> [--expect-version <n>]
                                                   replace a school's configuration (refused when it changed since version n)`;

function readConfigFile(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the school config ${file}: ${error instanceof Error ? error.message : error}`);
  }
}

/** `licheng schools …`: an operator's view and changes of the deployment's schools, in its database. */
export async function schoolsCommand(settings: DeploymentSettings, args: string[], options: { expectVersion?: string; by: string }): Promise<number> {
  const [action, target] = args;
  const db = openDatabase({ url: settings.databaseUrl, dataDir: settings.dataDir });
  try {
    await migrateDeployment(db);
    switch (action) {
      case 'list': {
        const schools = await listSchools(db.kysely);
        if (!schools.length) console.log('（尚無學校 / no schools yet）');
        for (const s of schools) console.log(`${s.code}  ${s.name}  v${s.version}  ${s.config.plugins.enabled.join(',')}  ${s.updatedAt} ${s.updatedBy}`);
        return 0;
      }
      case 'show': {
        const school = target ? await readSchool(db.kysely, target) : null;
        if (!school) throw new Error(target ? `本平台沒有學校 ${target} / no school ${target} in this deployment` : 'usage: licheng schools show <code>');
        console.log(JSON.stringify(school.config, null, 2));
        return 0;
      }
      case 'add': {
        if (!target) throw new Error('usage: licheng schools add <config.json>');
        const school = await addSchool(db.kysely, readConfigFile(target), { by: options.by, check: checkOffices });
        console.log(`已新增 / added ${school.code} ${school.name} (v${school.version})`);
        return 0;
      }
      case 'update': {
        if (!target) throw new Error('usage: licheng schools update <config.json> [--expect-version <n>]');
        const input = readConfigFile(target);
        const code = (input as { code?: unknown })?.code;
        if (typeof code !== 'string') throw new Error(`the school config ${target} has no code`);
        const expectedVersion = options.expectVersion === undefined ? undefined : Number(options.expectVersion);
        if (expectedVersion !== undefined && !Number.isInteger(expectedVersion)) throw new Error('--expect-version must be a whole number');
        const school = await updateSchool(db.kysely, code, input, { by: options.by, check: checkOffices, ...(expectedVersion !== undefined ? { expectedVersion } : {}) });
        console.log(`已更新 / updated ${school.code} ${school.name} (v${school.version})`);
        return 0;
      }
      default:
        console.error(`usage:\n${schoolsUsage}`);
        return 1;
    }
  } catch (error) {
    if (error instanceof SchoolStoreError || error instanceof SchoolConfigError) {
      console.error(`refused, nothing written: ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    await db.destroy();
  }
}
