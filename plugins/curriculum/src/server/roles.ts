import type { Role } from '@licheng/core';

/** Who changes the plan, the class groups and runs the pre-check: 教學組. */
export const CURRICULUM_WRITERS: readonly Role[] = ['curriculum-staff'];
/** Who reads them too: 註冊組 fixes the enrolments a pre-check names (ADR 0019). */
export const CURRICULUM_READERS: readonly Role[] = ['curriculum-staff', 'registry-staff'];
