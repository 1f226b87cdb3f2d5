import { classesBehindFirst, percent, progressSeries, roleLabels, taipeiDate, teachersBehindFirst, type ProgressDay, type Role } from '@licheng/core';
import { authedProcedure } from '@licheng/server';
import { certificationByOffice, certificationByTeacher, progressEvents, selectionByClass } from '../progress-facts.ts';
import { GROUP_EDITORS } from '../roles.ts';
import { termInput, termOf } from '../self-check-view.ts';

export const dashboardProgressInput = termInput;

export interface DashboardView {
  academicYear: number;
  semester: 1 | 2;
  today: string;
  /** Per class, the lowest share of students selecting first. */
  classes: { className: string; grade: number; students: number; selecting: number; selections: number; rate: string }[];
  /** Per teacher, the most outcomes pending certification first. */
  teachers: { teacherId: string; name: string; total: number; passed: number; failed: number; pending: number; rate: string }[];
  /** Per certifying office, the most pending first. */
  offices: { office: string; name: string; total: number; passed: number; failed: number; pending: number; rate: string }[];
  /** Days with certifications or selections in the term, with running totals. */
  series: ProgressDay[];
}

/**
 * working-group.dashboard.progress — the term's progress (today's when absent): selection per
 * class, certification of course learning outcomes per teacher, certification per office, and
 * certifications and selections per day; each list with who is behind first.
 */
export const dashboardProgress = authedProcedure(GROUP_EDITORS)
  .input(dashboardProgressInput)
  .query(async ({ ctx, input }): Promise<DashboardView> => {
    const term = termOf(ctx, input);
    const L = ctx.locale;
    const decided = (r: { total: number; pending: number }) => percent(r.total - r.pending, r.total);
    const offices = await certificationByOffice(ctx, term);
    return {
      ...term,
      today: taipeiDate(ctx.now()),
      classes: classesBehindFirst(await selectionByClass(ctx, term.academicYear)).map((c) => ({ ...c, rate: percent(c.selecting, c.students) })),
      teachers: teachersBehindFirst(await certificationByTeacher(ctx, term)).map((t) => ({ ...t, rate: decided(t) })),
      offices: teachersBehindFirst(offices.map((o) => ({ ...o, name: o.office === 'offices' ? (L === 'zh-TW' ? '各處室' : 'Every office') : roleLabels[o.office as Role][L] })))
        .map((o) => ({ ...o, rate: decided(o) })),
      series: progressSeries(await progressEvents(ctx, term)),
    };
  });
