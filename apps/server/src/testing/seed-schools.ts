import fs from 'node:fs';
import path from 'node:path';
import type { TestLicheng, TestUser } from '@licheng/server/testing';
import { appRoot } from '../settings.ts';

/** The school configs shipped in apps/server/config/, by file name without `.json`. */
export const shippedConfigNames = (): string[] =>
  fs
    .readdirSync(path.join(appRoot, 'config'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();

export const configPath = (name: string): string => path.join(appRoot, 'config', `${name}.json`);

/** The test-only config with the registry office switched off. */
export const noRegistryConfigPath = path.join(appRoot, 'src/testing/no-registry.json');

export function readConfigFile(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** A test user of the school `t` serves (the harness signs tokens for its own test school otherwise). */
export function at(t: TestLicheng, user: TestUser): TestUser {
  return { ...user, school: t.config.code };
}

/** `YYYY-MM-DD` in Taipei at `hh:mm` local time, as the harness clock wants it. */
export function taipei(date: string, time = '12:00'): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

export function form(fields: Record<string, string | File>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}
