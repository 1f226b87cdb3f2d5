import type { Role } from '@licheng/core';
import manifest from '../manifest.ts';

/** Who may use the registry office's procedures and downloads: its staff and platform admins. */
export const REGISTRY_ROLES: readonly Role[] = manifest.roles;
