import { Inventory, type PluginDefinition } from '@gauzy-mcp/core';

/** `gauzy-mcp tools`: how many tools each pack brings, and their names. Printed to stdout: this is not the stdio server. */
export function toolsReport(plugins: readonly PluginDefinition[]): string {
  const inventory = new Inventory(plugins);
  const lines = [`${inventory.tools.length} tools in ${plugins.length} packs`];
  for (const plugin of plugins) {
    const tools = inventory.tools.filter((tool) => tool.plugin === plugin.name);
    lines.push(`${plugin.name} ${plugin.version}: ${tools.length} tools`);
    for (const tool of tools) lines.push(`  ${tool.name}${tool.definition.aliases?.length ? ` (also ${tool.definition.aliases.join(', ')})` : ''}`);
  }
  return lines.join('\n') + '\n';
}
