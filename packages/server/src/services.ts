import type { Kysely } from 'kysely';
import type { PlatformDatabase } from './platform/tables.ts';

/** A record an office corrected after a receipt (收訖明細) issue, waiting for its roster's next submission. */
export interface PendingCorrection {
  id: string;
  issueId: string;
  studentId: string;
  /** The 名冊別 of the receipt roster the issue was raised on. */
  rosterKind: number;
  rosterName: string;
  /** The record corrected, when the issue's row was matched to one. */
  recordId: string | null;
  ownerOffice: string;
  correctedByName: string;
  correctedAt: string;
  /** The receipt the issue was raised on. */
  batch: { id: string; academicYear: number; semester: number };
}

/**
 * Reads one office offers the others through the platform, so that neither imports the other
 * (the receipt office reads the registry's snapshots; the registry must not import it back).
 * An office provides a service in its plugin definition (`services`); the context carries the
 * enabled offices' services, and a service is absent when the office providing it is off.
 */
export interface PlatformServices {
  /** 收訖 corrections marked for the next submission, of some roster kinds or students (the receipt office). */
  pendingCorrections?: (db: Kysely<PlatformDatabase>, school: string, filter: { rosterKinds?: readonly number[]; studentIds?: readonly string[] }) => Promise<PendingCorrection[]>;
}

/** The enabled offices' services as one object; two offices providing the same service is a configuration error. */
export function mergeServices(plugins: ReadonlyArray<{ id: string; services?: PlatformServices }>): PlatformServices {
  const merged: Record<string, unknown> = {};
  const by: Record<string, string> = {};
  for (const plugin of plugins) {
    for (const [name, service] of Object.entries(plugin.services ?? {})) {
      if (by[name]) throw new Error(`offices ${by[name]} and ${plugin.id} both provide the platform service ${name}`);
      by[name] = plugin.id;
      merged[name] = service;
    }
  }
  return merged as PlatformServices;
}
