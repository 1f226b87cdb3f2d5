import type { SchoolConfig } from '@licheng/core';
import type { JobDefinition } from './jobs/job-runner.ts';
import type { PluginDefinition, PluginJobDeps } from './plugin.ts';

/** The offices a school turns on, refusing ids nobody ships and offices that do not fit the school. */
export function enabledPlugins(config: SchoolConfig, available: PluginDefinition[]): PluginDefinition[] {
  const byId = new Map(available.map((p) => [p.id, p]));
  const problems: string[] = [];
  const enabled: PluginDefinition[] = [];
  for (const id of config.plugins.enabled) {
    const plugin = byId.get(id);
    if (!plugin) problems.push(`unknown plugin "${id}" (available: ${[...byId.keys()].join(', ')})`);
    else if (plugin.appliesTo && !plugin.appliesTo(config)) problems.push(`plugin "${id}" does not apply to a ${config.type} school`);
    else enabled.push(plugin);
  }
  if (problems.length) throw new Error(`school config ${config.code}: ${problems.join('; ')}`);
  return enabled;
}

/** The background jobs of the offices a school turns on (each office's `jobs`), for the platform's job runner. */
export function enabledPluginJobs(config: SchoolConfig, available: PluginDefinition[], db: PluginJobDeps['db']): JobDefinition[] {
  return enabledPlugins(config, available).flatMap((plugin) => plugin.jobs?.({ db, config }) ?? []);
}
