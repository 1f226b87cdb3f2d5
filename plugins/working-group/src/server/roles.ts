import type { Role } from '@licheng/core';

/** Who keeps the group's work — the schedule, members, meetings, trainings, proxies, self-check and evaluation: the working group itself, and an administrator. Everyone of the school reads the schedule. */
export const GROUP_EDITORS: readonly Role[] = ['working-group', 'admin'];
