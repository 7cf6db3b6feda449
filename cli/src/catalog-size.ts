import type { PluginDefinition } from '@gauzy-mcp/core';
import { CatalogMode, createToolsetSwitch, Inventory, type ListedTool, type RegisteredTool } from '@gauzy-mcp/core/internal';

/**
 * What `tools/list` costs: a client puts every listed tool into each conversation, so these bytes are paid
 * per conversation. Measured on the entries exactly as the server sends them (`tool.listing`, JSON, UTF-8).
 */
export interface CatalogSizes {
  /** Every listed tool of the loaded packs (all toolsets). */
  tools: number;
  bytes: number;
  averageBytes: number;
  packs: Array<{ name: string; tools: number; bytes: number }>;
  /** The toolsets served when the operator names none. */
  defaultToolsets: { names: string[]; tools: number; bytes: number };
  /**
   * Catalog mode's `tools/list` before any toolset is enabled: the meta-tools a stateless (2026-07-28 HTTP) request is
   * offered, and those of a connection that keeps state (with enable_toolset).
   */
  catalogMode: { stateless: { tools: number; bytes: number }; stateful: { tools: number; bytes: number } };
  largest?: { name: string; bytes: number };
  /** Each listed tool's bytes, largest first. */
  perTool: Array<{ name: string; plugin: string; bytes: number }>;
}

export function listingBytes(tool: RegisteredTool | { listing: ListedTool }): number {
  return Buffer.byteLength(JSON.stringify(tool.listing), 'utf8');
}

function catalogModeSizes(inventory: Inventory): CatalogSizes['catalogMode'] {
  // The listings only read the inventory; nothing is called.
  const catalogMode = new CatalogMode(inventory, { call: async () => ({ content: [] }) });
  const measure = (listed: ListedTool[]) => ({ tools: listed.length, bytes: sum(listed.map((listing) => listingBytes({ listing }))) });
  return {
    stateless: measure(catalogMode.listings({ view: { catalog: true } })),
    stateful: measure(catalogMode.listings({ view: { catalog: true }, toolsets: createToolsetSwitch() })),
  };
}

export function catalogSizes(plugins: readonly PluginDefinition[]): CatalogSizes {
  const all = new Inventory(plugins, { toolsets: ['all'] });
  const defaults = new Inventory(plugins, { toolsets: ['default'] });
  const perTool = all.tools.map((tool) => ({ name: tool.name, plugin: tool.plugin, bytes: listingBytes(tool) })).sort((a, b) => b.bytes - a.bytes || (a.name < b.name ? -1 : 1));
  const bytes = sum(perTool.map((tool) => tool.bytes));
  return {
    tools: perTool.length,
    bytes,
    averageBytes: perTool.length ? Math.round(bytes / perTool.length) : 0,
    packs: plugins.map((plugin) => {
      const tools = perTool.filter((tool) => tool.plugin === plugin.name);
      return { name: plugin.name, tools: tools.length, bytes: sum(tools.map((tool) => tool.bytes)) };
    }),
    defaultToolsets: {
      names: defaults.toolsets.filter((toolset) => toolset.default).map((toolset) => toolset.name),
      tools: defaults.tools.length,
      bytes: sum(defaults.tools.map(listingBytes)),
    },
    catalogMode: catalogModeSizes(all),
    ...(perTool[0] ? { largest: { name: perTool[0].name, bytes: perTool[0].bytes } } : {}),
    perTool,
  };
}

/** `12,345 bytes (12.1 KB)`: exact for budgets, rounded for reading. */
export function formatBytes(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} bytes (${(bytes / 1024).toFixed(1)} KB)`;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
