import { relationsParam } from './schema.js';

/** What every entity tool factory (crud.ts, list-tool.ts) takes: the tool's identity in the catalog. */
export interface ToolBase {
  name: string;
  title: string;
  description: string;
  toolset: string;
  aliases?: readonly string[];
  admin?: boolean;
}

/** The `relations` parameter of an entity's tools: its include paths, or none. */
export function entityRelationsParam(entity: { include: readonly string[] }) {
  return entity.include.length ? relationsParam(entity.include) : undefined;
}
