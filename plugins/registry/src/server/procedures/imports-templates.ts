import { authedProcedure } from '@licheng/server';
import { REGISTRY_ROLES } from '../roles.ts';
import { describeTemplates } from '../templates.ts';

/** registry.imports.templates — each import's columns (key, headers, required, example, note) and template downloads. */
export const importsTemplates = authedProcedure(REGISTRY_ROLES).query(() => describeTemplates());
