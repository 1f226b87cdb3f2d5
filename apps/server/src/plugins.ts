import autobiography from '@licheng/plugin-autobiography/server';
import curriculum from '@licheng/plugin-curriculum/server';
import counseling from '@licheng/plugin-counseling/server';
import homeroom from '@licheng/plugin-homeroom/server';
import library from '@licheng/plugin-library/server';
import competitions from '@licheng/plugin-competitions/server';
import practicum from '@licheng/plugin-practicum/server';
import receipt from '@licheng/plugin-receipt/server';
import registry from '@licheng/plugin-registry/server';
import student from '@licheng/plugin-student/server';
import studentAffairs from '@licheng/plugin-student-affairs/server';
import teaching from '@licheng/plugin-teaching/server';
import workingGroup from '@licheng/plugin-working-group/server';
import type { SchoolConfig } from '@licheng/core';
import { enabledPlugins, type PluginDefinition } from '@licheng/server';

/**
 * Every office this build ships; each school's config turns them on. Each keeps its own type
 * (`satisfies`), so the authorization policy is typed from every office's router.
 */
export const availablePlugins = [student, teaching, registry, workingGroup, homeroom, receipt, practicum, counseling, library, competitions, studentAffairs, autobiography, curriculum] satisfies PluginDefinition[];

/** Refuses a school config that turns on an office this build does not ship (a school's config is checked before it is stored). */
export const checkOffices = (config: SchoolConfig): void => void enabledPlugins(config, availablePlugins);
