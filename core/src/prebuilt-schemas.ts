import { z } from 'zod';
import type { ObjectJsonSchema } from './json-schema.js';
import type { PluginDefinition } from './tool.js';

// A pack's tool schemas as JSON Schema, converted when the pack was built rather than at every start: zod's
// conversion of 200 tools' inputs and outputs is most of what building the inventory costs (~120 ms of a stdio
// start on 2 cores). Whoever loads a pack from its files (the CLI) checks that what was converted belongs to
// exactly those files before handing it over; the inventory converts anything it is not handed.

/** The published input and output schema of each tool a plugin registers, by the name it registers under. */
export type PrebuiltSchemas = Record<string, { input: ObjectJsonSchema; output?: ObjectJsonSchema }>;

const prebuilt = new WeakMap<PluginDefinition, PrebuiltSchemas>();

/** Hands the inventory `plugin`'s schemas as converted earlier, to be listed instead of converting them again. */
export function usePrebuiltSchemas(plugin: PluginDefinition, schemas: PrebuiltSchemas): void {
  prebuilt.set(plugin, schemas);
}

/** The schemas handed over for `tool` of `plugin`, if any. */
export function prebuiltSchemasFor(plugin: PluginDefinition, tool: string): PrebuiltSchemas[string] | undefined {
  return prebuilt.get(plugin)?.[tool];
}

/** What converts the schemas besides the kernel's own code: part of what a prebuilt file must match. */
export const SCHEMA_CONVERTER = `zod ${z.core.version.major}.${z.core.version.minor}.${z.core.version.patch}`;
