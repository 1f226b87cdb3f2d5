import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSchoolConfig, type SchoolConfig } from '@licheng/core';
import { readStorageSettings, type SmtpSettings, type StorageSettings } from '@licheng/server';
import { importMapOverridesSchema, type ImportMap } from './portal-page.ts';

export const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(appRoot, '../..');

/** Everything the server and the CLI read from the environment (the same settings for both). */
export interface Settings {
  databaseUrl: string | undefined;
  dataDir: string;
  /** Where uploaded files live (LICHENG_STORAGE, LICHENG_S3_*): the data folder's files/ or an S3-compatible store. */
  storage: StorageSettings;
  hostSecret: string;
  port: number;
  listenHost: string;
  schoolConfigPath: string;
  config: SchoolConfig;
  demo: boolean;
  portalDir: string;
  /**
   * The school's host origins (LICHENG_CORS_ORIGINS, comma-separated): pages there may call the
   * API from the browser (CORS) and frame the portal's pages (CSP frame-ancestors).
   */
  corsOrigins: string[];
  /** The school's import-map overrides (LICHENG_IMPORT_MAP, a JSON file): office modules deployed on their own. */
  importMapOverrides: ImportMap | undefined;
  /** How long an object no row references is kept before the sweep removes it (LICHENG_SWEEP_GRACE_HOURS). */
  sweepGraceMs: number;
  /** How often the server sweeps; 0 = never (LICHENG_SWEEP_INTERVAL_MINUTES). */
  sweepIntervalMs: number;
  /** How often the background job runner looks for due jobs; 0 = no background jobs in this process (LICHENG_JOB_TICK_SECONDS). */
  jobTickMs: number;
  /** How often the reminder job looks for reminders due (LICHENG_REMINDER_INTERVAL_MINUTES, default 60). */
  reminderIntervalMs: number;
  /** Where reminder e-mail goes (LICHENG_SMTP_*); null = no e-mail, reminders in the app only (the embedded default). */
  smtp: SmtpSettings | null;
}

function truthy(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
}

/**
 * Reads LICHENG_* settings. The demo mode (LICHENG_DEMO=1) mints tokens for anyone who asks, so
 * it refuses to start in production (NODE_ENV, any spelling), listening anywhere but loopback,
 * with a host secret configured, with any database URL (the demo keeps its own embedded file),
 * or on a data folder it did not create (one that holds anything but the demo's own files).
 */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const { base, ...common } = readCommonSettings(env);
  const schoolConfigPath = path.resolve(base, env.LICHENG_SCHOOL_CONFIG ?? (common.demo ? path.join(appRoot, 'config/demo-school.json') : ''));
  if (!env.LICHENG_SCHOOL_CONFIG && !common.demo) throw new Error('LICHENG_SCHOOL_CONFIG must name the school config file (see apps/server/config/)');
  const config = parseSchoolConfig(readJson(schoolConfigPath));
  return { ...common, schoolConfigPath, config };
}

/** Every setting but the school: what one school's server and a deployment of many share. */
export type CommonSettings = Omit<Settings, 'schoolConfigPath' | 'config'>;

/** A deployment serving many schools (LICHENG_MULTI_SCHOOL=1): their configurations live in the database. */
export interface DeploymentSettings extends CommonSettings {
  /** School config files that seed the database (LICHENG_SCHOOL_CONFIG, comma-separated; optional): a school already there keeps what the database holds. */
  seeds: unknown[];
}

/** Whether the settings ask for a deployment of many schools (LICHENG_MULTI_SCHOOL). */
export function isMultiSchool(env: NodeJS.ProcessEnv = process.env): boolean {
  return truthy(env.LICHENG_MULTI_SCHOOL);
}

/** Reads a deployment's settings: the server's, with the school config files as seeds. The demo is one school and refuses. */
export function readDeploymentSettings(env: NodeJS.ProcessEnv = process.env): DeploymentSettings {
  if (truthy(env.LICHENG_DEMO)) throw new Error('LICHENG_DEMO serves one demo school; unset LICHENG_MULTI_SCHOOL to run it');
  const { base, ...common } = readCommonSettings(env);
  const files = (env.LICHENG_SCHOOL_CONFIG ?? '').split(',').map((f) => f.trim()).filter(Boolean).map((f) => path.resolve(base, f));
  // Checked now: a seed that is not a valid school config stops the start with its problems named.
  const seeds = files.map((file) => {
    const input = readJson(file);
    parseSchoolConfig(input);
    return input;
  });
  return { ...common, seeds };
}

function readCommonSettings(env: NodeJS.ProcessEnv): CommonSettings & { base: string } {
  const demo = truthy(env.LICHENG_DEMO);
  const databaseUrl = env.LICHENG_DATABASE_URL?.trim() || undefined;
  const base = env.INIT_CWD ?? process.cwd();
  const dataDir = path.resolve(base, env.LICHENG_DATA_DIR ?? (demo ? '.data/demo' : '.data'));
  // A bracketed IPv6 address ([::1]) as people write it in URLs; the server listens on the bare one.
  const listenHost = (env.LICHENG_LISTEN_HOST?.trim() || '127.0.0.1').replace(/^\[(.*)\]$/, '$1');
  const storage = readStorageSettings(env);
  if (demo) {
    const refusals = [
      isProduction(env.NODE_ENV) && `NODE_ENV is ${JSON.stringify(env.NODE_ENV)}`,
      !isLoopback(listenHost) && `LICHENG_LISTEN_HOST is ${JSON.stringify(listenHost)}, not a loopback address (127.0.0.0/8, ::1, localhost)`,
      env.LICHENG_HOST_SECRET && 'LICHENG_HOST_SECRET is set (a real host signs tokens here)',
      databaseUrl && /^mysql:/i.test(databaseUrl) && 'LICHENG_DATABASE_URL points at MySQL/MariaDB',
      databaseUrl && !/^mysql:/i.test(databaseUrl) && 'LICHENG_DATABASE_URL is set (the demo keeps its own embedded database in its data folder)',
      storage.kind !== 'local' && 'LICHENG_STORAGE is "s3" (the demo keeps its files in its own data folder)',
      // Checked before demoSecret() below writes the marker: a real school's data folder has a
      // database but no demo-secret, and the demo must never open it.
      foreignFolder(dataDir),
    ].filter(Boolean);
    if (refusals.length) throw new Error(`LICHENG_DEMO refuses to start: ${refusals.join('; ')}. The demo mode lets anyone sign in as anyone.`);
  }
  const hostSecret = demo ? demoSecret(dataDir) : (env.LICHENG_HOST_SECRET ?? '');
  if (hostSecret.length < 32) throw new Error('LICHENG_HOST_SECRET must be set to a shared secret of at least 32 characters');
  return {
    base,
    databaseUrl,
    dataDir,
    storage,
    hostSecret,
    port: Number(env.PORT ?? 3000),
    listenHost,
    demo,
    portalDir: path.resolve(base, env.LICHENG_PORTAL_DIR ?? path.join(repoRoot, 'apps/portal/dist')),
    corsOrigins: readOrigins(env.LICHENG_CORS_ORIGINS),
    importMapOverrides: env.LICHENG_IMPORT_MAP ? readImportMapOverrides(path.resolve(base, env.LICHENG_IMPORT_MAP)) : undefined,
    sweepGraceMs: nonNegative(env, 'LICHENG_SWEEP_GRACE_HOURS', 24) * 3_600_000,
    sweepIntervalMs: nonNegative(env, 'LICHENG_SWEEP_INTERVAL_MINUTES', 60) * 60_000,
    jobTickMs: nonNegative(env, 'LICHENG_JOB_TICK_SECONDS', 60) * 1000,
    reminderIntervalMs: nonNegative(env, 'LICHENG_REMINDER_INTERVAL_MINUTES', 60) * 60_000,
    smtp: readSmtp(env),
  };
}

/** LICHENG_CORS_ORIGINS: each an exact origin (`https://portal.school.example[:port]`), nothing else, since each goes into headers. */
function readOrigins(value: string | undefined): string[] {
  const origins = (value ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  const bad = origins.filter((o) => {
    const url = URL.parse(o);
    return !url || !/^https?:$/.test(url.protocol) || url.origin !== o;
  });
  if (bad.length) throw new Error(`LICHENG_CORS_ORIGINS must list origins like https://portal.school.example (scheme, host and port only): ${bad.map((o) => JSON.stringify(o)).join(', ')}`);
  return origins;
}

/**
 * LICHENG_SMTP_HOST turns reminder e-mail on; with it LICHENG_SMTP_FROM (the sender) is required,
 * LICHENG_SMTP_PORT defaults to 465 when LICHENG_SMTP_SECURE (TLS from the start) and 587
 * otherwise (STARTTLS when offered), LICHENG_SMTP_USER / LICHENG_SMTP_PASS log in.
 */
function readSmtp(env: NodeJS.ProcessEnv): SmtpSettings | null {
  const host = env.LICHENG_SMTP_HOST?.trim();
  if (!host) return null;
  const from = env.LICHENG_SMTP_FROM?.trim();
  if (!from) throw new Error('LICHENG_SMTP_FROM must name the sender of reminder e-mail (e.g. "學習歷程檔案平台 <portfolio@school.edu.tw>") when LICHENG_SMTP_HOST is set');
  const secure = truthy(env.LICHENG_SMTP_SECURE);
  const port = nonNegative(env, 'LICHENG_SMTP_PORT', secure ? 465 : 587);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`LICHENG_SMTP_PORT must be a port number (got "${env.LICHENG_SMTP_PORT}")`);
  const user = env.LICHENG_SMTP_USER?.trim() || undefined;
  return { host, port, secure, from, ...(user ? { user, pass: env.LICHENG_SMTP_PASS ?? '' } : {}) };
}

/** A number setting that must be 0 or more (fractions allowed), or its default when unset. */
function nonNegative(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of 0 or more (got "${text}")`);
  return value;
}

function readImportMapOverrides(file: string): ImportMap {
  const parsed = importMapOverridesSchema.safeParse(readJson(file, 'import map'));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ');
    throw new Error(`the import map file ${file} (LICHENG_IMPORT_MAP) is not { "imports": { "<name>": "<url>" } }: ${problems}`);
  }
  return parsed.data;
}

function readJson(file: string, what = 'school config'): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(`cannot read the ${what} file ${file}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`the ${what} file ${file} is not valid JSON: ${error instanceof Error ? error.message : error}`);
  }
}

/** The embedded database's file name in the data folder (what openDatabase uses without a URL). */
const DATABASE_FILE = 'licheng.sqlite';
/** Written on the demo's first start: marks a data folder as the demo's own. */
const DEMO_SECRET_FILE = 'demo-secret';

/** NODE_ENV naming production, however it is spelt (`Production`, ` PRODUCTION `, `prod`). */
function isProduction(value: string | undefined): boolean {
  return value !== undefined && /^prod(uction)?$/i.test(value.trim());
}

const LOOPBACK = new net.BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');
LOOPBACK.addSubnet('::ffff:127.0.0.0', 104, 'ipv6');

/** A listen address only this machine reaches: 127.0.0.0/8, ::1 (any spelling, bracketed or not), localhost. */
export function isLoopback(host: string): boolean {
  const address = host.trim().replace(/^\[(.*)\]$/, '$1');
  if (/^localhost$/i.test(address)) return true;
  const family = net.isIP(address);
  return family !== 0 && LOOPBACK.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Why the data folder is not the demo's to use, or false: it must not exist yet, be empty, or
 * carry the demo's marker (written on its first start). A school's folder holds files, backups
 * or a database without the marker; a file where the folder should be is refused too.
 */
function foreignFolder(dataDir: string): string | false {
  const stat = fs.statSync(dataDir, { throwIfNoEntry: false });
  if (!stat) return false;
  if (!stat.isDirectory()) return `the data folder ${dataDir} is not a folder`;
  const entries = fs.readdirSync(dataDir);
  if (entries.length === 0 || entries.includes(DEMO_SECRET_FILE)) return false;
  if (entries.includes(DATABASE_FILE)) {
    return `the data folder ${dataDir} already holds a database (${DATABASE_FILE}) the demo mode did not create (no ${DEMO_SECRET_FILE}); point LICHENG_DATA_DIR at an empty folder`;
  }
  return `the data folder ${dataDir} already holds files the demo mode did not create (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}; no ${DEMO_SECRET_FILE}); point LICHENG_DATA_DIR at an empty folder`;
}

/** The demo's own random secret, kept in its data folder so tokens survive a restart. */
function demoSecret(dataDir: string): string {
  const file = path.join(dataDir, DEMO_SECRET_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.getRandomValues(new Uint8Array(32)).reduce((s, b) => s + b.toString(16).padStart(2, '0'), ''), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}
