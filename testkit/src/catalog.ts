import { readFileSync } from 'node:fs';
import type { PluginDefinition } from '@gauzy-mcp/core';
import { Inventory } from '@gauzy-mcp/core/internal';

export interface CatalogTool {
  name: string;
  toolset: string;
  aliases: readonly string[];
  /** Names that call it with some arguments fixed. */
  presets: readonly string[];
  /** Names that run it once per item. */
  bulk: readonly string[];
  /** Its tools/list entry as JSON, in bytes: what every conversation pays for it. */
  bytes: number;
}

export interface PackCatalog {
  /** The tools tools/list shows, every toolset on. */
  listed: CatalogTool[];
  /** Withdrawn names that stay callable, with why. */
  retired: Array<{ name: string; aliases: readonly string[]; reason: string }>;
  /** The listed tools' bytes together. */
  bytes: number;
  /** How a name is answered: a listed tool, an alias of one, a preset of one (arguments fixed), a bulk name (one run per item), a retired name, or not at all. */
  callable(name: string): 'listed' | 'alias' | 'preset' | 'bulk' | 'retired' | undefined;
}

/** A pack's catalog as a client sees it, for tests that hold a pack to its byte budget and its reference names. */
export function packCatalog(plugins: readonly PluginDefinition[]): PackCatalog {
  const inventory = new Inventory(plugins, { toolsets: ['all'] });
  const listed = inventory.tools.map((tool) => ({
    name: tool.name,
    toolset: tool.definition.toolset,
    aliases: tool.definition.aliases ?? [],
    presets: [...tool.presets.keys()],
    bulk: Object.keys(tool.definition.bulk ?? {}),
    bytes: Buffer.byteLength(JSON.stringify(tool.listing)),
  }));
  const retired = inventory.retired.map((tool) => ({ name: tool.name, aliases: tool.definition.aliases ?? [], reason: tool.definition.retired!.reason }));
  return {
    listed,
    retired,
    bytes: listed.reduce((sum, tool) => sum + tool.bytes, 0),
    callable(name) {
      const tool = inventory.get(name);
      if (!tool) return undefined;
      if (tool.definition.retired) return 'retired';
      if (tool.definition.runsEach) return 'bulk';
      return tool.name === name ? 'listed' : inventory.presetOf(name) ? 'preset' : 'alias';
    },
  };
}

/** The reference server's tool names in these categories (testkit/data/gauzy-mcp-tools.tsv): what must stay callable. */
export function referenceToolNames(...categories: string[]): string[] {
  return readFileSync(new URL('../data/gauzy-mcp-tools.tsv', import.meta.url), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((cells) => categories.includes(cells[0] ?? ''))
    .map((cells) => cells[1]!);
}
