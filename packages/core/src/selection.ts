import { DomainError } from './errors.ts';
import type { RecordStatus } from './records.ts';

/**
 * 勾選 — choosing what goes to the central database, and the caps around it. Callers count;
 * these rules only compare. For performances, items the school or an outside body
 * registered do not count toward the cap (SPEC §3.4): leave them out of `alreadySelected`.
 */

/** Throws 'selection-cap-reached' ({cap}) when adding would exceed the cap. */
export function assertSelectionCap(alreadySelected: number, adding: number, cap: number): void {
  if (alreadySelected + adding > cap) throw new DomainError('selection-cap-reached', { cap });
}

/** Only records that passed certification can be selected; throws 'not-passed'. */
export function assertSelectable(status: RecordStatus): void {
  if (status !== 'passed') throw new DomainError('not-passed');
}

/** Throws 'upload-cap-reached' ({cap}) when `existing` uploads already fill the cap; null = no cap. */
export function assertUploadCap(existing: number, cap: number | null): void {
  if (cap !== null && existing >= cap) throw new DomainError('upload-cap-reached', { cap });
}
