import { DomainError, type RosterId } from '@licheng/core';
import type { RosterBuilder } from './builder.ts';
import { gradeBuilder } from './grade-builder.ts';
import { outcomeBuilder } from './outcome-builder.ts';
import { cadreBuilder, performanceBuilder } from './record-builder.ts';
import { studentDataBuilder } from './student-data-builder.ts';
import { precheckBuilder } from './precheck-builder.ts';

/** Every roster this office can build, one builder each (the layouts are core's data). */
export const ROSTER_BUILDERS: readonly RosterBuilder[] = [
  outcomeBuilder('outcomes', 'day'),
  outcomeBuilder('night-outcomes', 'night'),
  cadreBuilder(),
  performanceBuilder(),
  studentDataBuilder(),
  gradeBuilder('grades', 'day'),
  gradeBuilder('retake-repeat', 'day'),
  gradeBuilder('night-grades', 'night'),
  precheckBuilder('precheck-day', 'day'),
  precheckBuilder('precheck-night', 'night'),
];

/** The builder of a roster; refused with roster-kind-unknown when the roster has no exporter yet. */
export function rosterBuilder(roster: RosterId): RosterBuilder {
  const found = ROSTER_BUILDERS.find((b) => b.roster === roster);
  if (!found) throw new DomainError('roster-kind-unknown', { kind: roster });
  return found;
}
