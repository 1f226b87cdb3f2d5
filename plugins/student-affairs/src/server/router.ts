import { recordKindProcedures, router } from '@licheng/server';

/**
 * The kinds 學務處 keeps (declared in @licheng/core with office 'student-affairs'), by section:
 * 訓育組 cadre, service-hours-in/-out, extracurricular; 生輔組 attendance, reward-punishment;
 * 社團活動組 club; 體育組 fitness. Who enters and who certifies each is the school's config.
 */
export const STUDENT_AFFAIRS_KINDS = {
  kinds: ['cadre', 'service-hours-in', 'service-hours-out', 'extracurricular', 'attendance', 'reward-punishment', 'club', 'fitness'],
};

/** Mounted by the server as `student-affairs.*`: `student-affairs.records.*` (kinds, list, enter, correct, withdraw, import, decide, reopen). */
export const studentAffairsRouter = router({
  records: recordKindProcedures(STUDENT_AFFAIRS_KINDS),
});

export type StudentAffairsRouter = typeof studentAffairsRouter;
