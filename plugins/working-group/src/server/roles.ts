import type { Role } from '@licheng/core';

/** Who keeps the group's members, meetings and trainings: the working group itself, and an administrator. */
export const GROUP_EDITORS: readonly Role[] = ['working-group', 'admin'];
