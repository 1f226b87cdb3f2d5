import type { SchoolConfig } from '@licheng/core';
import type { PluginDefinition } from './plugin.ts';

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
