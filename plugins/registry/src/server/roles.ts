import type { Role } from '@licheng/core';

/** Who may use the registry office's desk procedures and downloads: its staff and platform admins. Students reach only their own grades (grades.mine, appeals.raise). */
export const REGISTRY_ROLES: readonly Role[] = ['registry-staff', 'admin'];
