import type { Kysely } from 'kysely';
import type { DialectName } from '@licheng/db';
import type { Locale, Role, SchoolConfig } from '@licheng/core';
import type { Identity, IdentityResult } from './identity/index.ts';
import type { FileStorage } from './storage/index.ts';
import type { PlatformDatabase } from './platform/tables.ts';
import type { ActingFor } from './proxies/staff-state.ts';
import type { PlatformServices } from './services.ts';

/** What every procedure receives. Plugins reach the platform only through this. */
export interface LichengContext {
  db: Kysely<PlatformDatabase>;
  dialect: DialectName;
  config: SchoolConfig;
  storage: FileStorage;
  locale: Locale;
  now: () => Date;
  /** The verified caller, or why there is none. */
  auth: IdentityResult;
  /** The raw request, for procedures that stream (downloads, multipart). */
  request: Request;
  /** What the enabled offices offer each other (services.ts); a service is absent while its office is off. */
  services: PlatformServices;
}

/** The context after authentication: `identity` is set and `actingRole` is the role that let the call through. */
export interface AuthedContext extends LichengContext {
  identity: Identity;
  actingRole: Role;
  /** 代理 — the office-scope principals the caller acts for today, worked out at sign-in (their roles are in identity.roles). */
  officeActingFor?: ActingFor[];
}
