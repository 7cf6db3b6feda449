import type { PluginDefinition } from '@gauzy-mcp/core';
import { Inventory } from '@gauzy-mcp/core/internal';
import { catalogSizes, formatBytes } from '../catalog-size.js';

/**
 * `gauzy-mcp tools`: how many tools each pack brings, their names, and what their `tools/list` entries
 * cost (bytes a client puts into every conversation). Printed to stdout: this is not the stdio server.
 */
export function toolsReport(plugins: readonly PluginDefinition[]): string {
  // Every tool of the loaded packs, whichever toolsets a deployment serves.
  const inventory = new Inventory(plugins, { toolsets: ['all'] });
  const sizes = catalogSizes(plugins);
  const bytesOf = new Map(sizes.perTool.map((tool) => [tool.name, tool.bytes]));
  const lines = [
    `${inventory.tools.length} tools in ${plugins.length} packs`,
    `tools/list: ${formatBytes(sizes.bytes)} for all ${sizes.tools} tools, ${sizes.averageBytes.toLocaleString('en-US')} bytes a tool on average`,
    `default toolsets (${sizes.defaultToolsets.names.join(', ') || 'none'}): ${sizes.defaultToolsets.tools} tools, ${formatBytes(sizes.defaultToolsets.bytes)}`,
    `catalog mode (GAUZY_MCP_CATALOG, X-MCP-Catalog): ${sizes.catalogMode.stateful.tools} meta-tools, ${formatBytes(sizes.catalogMode.stateful.bytes)} (${sizes.catalogMode.stateless.tools} and ${formatBytes(sizes.catalogMode.stateless.bytes)} on a stateless request)`,
    ...(sizes.largest ? [`largest tool: ${sizes.largest.name}, ${sizes.largest.bytes.toLocaleString('en-US')} bytes`] : []),
  ];
  for (const plugin of plugins) {
    const tools = inventory.tools.filter((tool) => tool.plugin === plugin.name);
    const pack = sizes.packs.find((entry) => entry.name === plugin.name);
    lines.push(`${plugin.name} ${plugin.version}: ${tools.length} tools, ${formatBytes(pack?.bytes ?? 0)}`);
    for (const tool of tools) {
      const others = [...(tool.definition.aliases ?? []), ...Object.keys(tool.definition.presets ?? {}), ...Object.keys(tool.definition.bulk ?? {})];
      const aliases = others.length ? ` (also ${others.join(', ')})` : '';
      lines.push(`  ${tool.name}${aliases}  ${bytesOf.get(tool.name) ?? 0} bytes`);
    }
  }
  return lines.join('\n') + '\n';
}
