import { DomainError } from '../errors.ts';
import { GRADE_LAYOUTS } from './grade-layouts.ts';
import { RECORD_LAYOUTS } from './record-layouts.ts';
import { ROSTER_IDS, type RosterBatch, type RosterId, type RosterLayout, type RosterLayoutVersions, type LayoutSheet } from './types.ts';

/** Every roster of ROSTERS §1–§4 with all its layout versions. */
export const ROSTER_LAYOUTS: readonly RosterLayoutVersions[] = [...RECORD_LAYOUTS, ...GRADE_LAYOUTS];

export function isRosterId(value: unknown): value is RosterId {
  return typeof value === 'string' && (ROSTER_IDS as readonly string[]).includes(value);
}

export function rosterLayoutVersions(roster: RosterId): RosterLayoutVersions {
  const found = ROSTER_LAYOUTS.find((r) => r.roster === roster);
  if (!found) throw new DomainError('roster-layout-unknown', { roster, version: '' });
  return found;
}

/** One version of a roster's layout; its default version when none is named. */
export function rosterLayout(roster: RosterId, version?: string): RosterLayout {
  const versions = rosterLayoutVersions(roster);
  const wanted = version ?? versions.defaultVersion;
  const found = versions.versions.find((v) => v.version === wanted);
  if (!found) throw new DomainError('roster-layout-unknown', { roster, version: wanted });
  return found;
}

/** A sheet of a layout by name. */
export function layoutSheet(layout: RosterLayout, name: string): LayoutSheet {
  const found = layout.sheets.find((s) => s.name === name);
  if (!found) throw new DomainError('roster-layout-unknown', { roster: layout.roster, version: `${layout.version} ${name}` });
  return found;
}

/** The column names of a sheet, in order. */
export function sheetColumns(sheet: LayoutSheet): string[] {
  return sheet.columns.map((c) => c.name);
}

/** The per-school numbers of the rosters no source numbers (school config `rosters.numbers`). */
export type RosterNumberSettings = Partial<Record<RosterId, Partial<Record<RosterBatch, number>>>>;

/**
 * The 名冊別 of a roster in a batch: the number a source gives, else the school's setting;
 * refused with roster-number-unset when neither is there (never guessed).
 */
export function rosterNumber(layout: RosterLayout, batch: RosterBatch, settings: RosterNumberSettings = {}): number {
  const number = rosterNumberIfSet(layout, batch, settings);
  if (number === null) throw new DomainError('roster-number-unset', { roster: layout.name, setting: `rosters.numbers.${layout.roster}.${batch}` });
  return number;
}

/** The 名冊別 of a roster in a batch, or null while neither a source nor the school gives one. */
export function rosterNumberIfSet(layout: RosterLayout, batch: RosterBatch, settings: RosterNumberSettings = {}): number | null {
  const known = layout.numbers[batch];
  if (known?.kind === 'fixed') return known.value;
  return settings[layout.roster]?.[batch] ?? null;
}

/** Every 名冊別 a source gives, with its roster and batch. */
export function knownRosterNumbers(): Array<{ value: number; roster: RosterId; batch: RosterBatch; label: string }> {
  const out: Array<{ value: number; roster: RosterId; batch: RosterBatch; label: string }> = [];
  for (const { defaultVersion, versions } of ROSTER_LAYOUTS) {
    const layout = versions.find((v) => v.version === defaultVersion)!;
    for (const [batch, number] of Object.entries(layout.numbers) as Array<[RosterBatch, RosterLayout['numbers'][RosterBatch]]>) {
      if (number?.kind === 'fixed') out.push({ value: number.value, roster: layout.roster, batch, label: layout.label });
    }
  }
  return out.sort((a, b) => a.value - b.value);
}

/** The rosters whose 名冊別 no source gives: their numbers are school settings. */
export function rostersNumberedBySetting(): RosterId[] {
  return ROSTER_LAYOUTS.filter((r) => r.versions.some((v) => v.numbers.regular?.kind === 'setting')).map((r) => r.roster);
}

/** The cover's value row: 學校代碼, 學年度, 學期 (0 on a year roster), 名冊別. */
export function coverValues(layout: RosterLayout, schoolCode: string, academicYear: number, semester: 1 | 2, number: number): [string, number, number, number] {
  return [schoolCode, academicYear, layout.year ? 0 : semester, number];
}

/**
 * The roster and batch a 名冊別 names: one a source gives (26 → outcomes, regular), else the
 * school's setting (`rosters.numbers`); null when neither names it.
 */
export function rosterOfNumber(value: number, settings: RosterNumberSettings = {}): { roster: RosterId; batch: RosterBatch } | null {
  const known = knownRosterNumbers().find((n) => n.value === value);
  if (known) return { roster: known.roster, batch: known.batch };
  for (const [roster, batches] of Object.entries(settings) as Array<[RosterId, Partial<Record<RosterBatch, number>>]>) {
    for (const [batch, number] of Object.entries(batches ?? {}) as Array<[RosterBatch, number]>) if (number === value) return { roster, batch };
  }
  return null;
}
