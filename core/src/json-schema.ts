import { z } from 'zod';
import { GauzyMcpError } from './errors.js';

/** MCP requires tool input and output schemas to be JSON Schema objects of `type: "object"`. */
export interface ObjectJsonSchema {
  [key: string]: unknown;
  type: 'object';
}

/**
 * The JSON Schema a client receives for a tool's input or output, built once at start-up.
 *
 * It is documentation for the model, paid for in every conversation that lists the tools: arguments are
 * validated by the kernel with the zod schema itself, so the published schema drops what tells the model
 * nothing and keeps what it needs (types, required, enums, formats, bounds, defaults, descriptions).
 */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): ObjectJsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  if (json.type !== 'object') throw new GauzyMcpError('GMCP_ERR_PLUGIN_INVALID', ['(schema)', `a tool ${io} schema must be an object, got ${String(json.type)}`]);
  const slim = slimJsonSchema(json, io) as ObjectJsonSchema;
  // A tool's own schema keeps `properties` even when empty: some clients read it without checking it exists.
  slim.properties ??= {};
  return slim;
}

/** Marks a schema whose nested fields are described by another tool (see {@link describedElsewhere}). */
const DESCRIBED_ELSEWHERE = 'x-gauzy-mcp-described-elsewhere';

/**
 * Publishes `schema` with its nested fields reduced to what a valid call needs (types, enums, formats,
 * required), for schemas that repeat fields another listed tool documents: the items of `bulk_create_tasks`
 * are `create_task`'s fields. Their descriptions and length and size limits are read there (and still
 * enforced by the kernel). The schema's own description and bounds stay; the description names that tool.
 */
export function describedElsewhere<T extends z.ZodType>(schema: T): T {
  return schema.meta({ [DESCRIBED_ELSEWHERE]: true });
}

/** What a {@link describedElsewhere} schema leaves to the tool that documents its fields. */
const DOCUMENTED_ELSEWHERE_KEYWORDS = ['description', 'minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems'] as const;

/** Formats that say everything a `pattern` beside them would: the pattern only repeats the format. */
const SELF_DESCRIBING_FORMATS = new Set(['uuid', 'date-time', 'date', 'time', 'duration', 'email', 'uri', 'ipv4', 'ipv6']);

/** Keywords whose value is one subschema. */
const SCHEMA_KEYWORDS = ['items', 'additionalProperties', 'not', 'contains', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems', 'if', 'then', 'else'] as const;
/** Keywords whose value is a list of subschemas. */
const SCHEMA_LIST_KEYWORDS = ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const;
/** Keywords whose value maps names to subschemas. */
const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'] as const;

/**
 * Removes what does not change what the schema says to a reader, without changing what it accepts
 * except where noted:
 * - `pattern` beside a self-describing `format` (zod writes the uuid regex beside `format: "uuid"`);
 * - the ±2^53-1 bounds zod writes for every `.int()`: JavaScript's safe range, not a limit of the field;
 * - `additionalProperties: {}` and `properties: {}` (the defaults; `toJsonSchema` puts the top-level `properties` back);
 * - in outputs, `additionalProperties: false`: the kernel checks results against the zod schema, and a
 *   client validating `structuredContent` only accepts more without it.
 * - below a {@link describedElsewhere} schema, the nested fields' descriptions and limits.
 * Returns a new object; the input is not changed.
 */
export function slimJsonSchema(schema: unknown, io: 'input' | 'output', documented = true): unknown {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const node: Record<string, unknown> = { ...(schema as Record<string, unknown>) };
  delete node.$schema;
  if (!documented) for (const key of DOCUMENTED_ELSEWHERE_KEYWORDS) delete node[key];
  let nested = documented;
  if (node[DESCRIBED_ELSEWHERE] === true) {
    delete node[DESCRIBED_ELSEWHERE];
    nested = false;
  }
  if (typeof node.format === 'string' && SELF_DESCRIBING_FORMATS.has(node.format)) delete node.pattern;
  if (node.type === 'integer' || node.type === 'number') {
    if (node.maximum === Number.MAX_SAFE_INTEGER) delete node.maximum;
    if (node.minimum === Number.MIN_SAFE_INTEGER) delete node.minimum;
  }
  if (isEmptySchema(node.additionalProperties) || (io === 'output' && node.additionalProperties === false)) delete node.additionalProperties;
  for (const key of SCHEMA_KEYWORDS) if (key in node) node[key] = slimJsonSchema(node[key], io, nested);
  for (const key of SCHEMA_LIST_KEYWORDS) if (Array.isArray(node[key])) node[key] = (node[key] as unknown[]).map((entry) => slimJsonSchema(entry, io, nested));
  for (const key of SCHEMA_MAP_KEYWORDS) {
    const map = node[key];
    if (typeof map !== 'object' || map === null) continue;
    const entries = Object.entries(map as Record<string, unknown>);
    if (entries.length === 0) delete node[key];
    else node[key] = Object.fromEntries(entries.map(([name, entry]) => [name, slimJsonSchema(entry, io, nested)]));
  }
  return node;
}

function isEmptySchema(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
}
