import { z } from 'zod';

/** An env variable's mapping as the reference prints it: the variables, the keys they set, and how. */
export interface EnvMapping {
  readonly names: readonly string[];
  readonly keys: readonly string[];
  readonly note?: string;
}

/**
 * The authorization server's env overrides. `loadAuthConfig` (auth/src/config.ts) reads them inline; this
 * list is held to it by cli/test/operator-docs.test.ts, which sets each variable and checks the keys it
 * changes, and checks that the loader reads no other.
 */
export const AUTH_ENV_MAPPINGS: readonly EnvMapping[] = [
  { names: ['AUTH_PORT'], keys: ['port'] },
  { names: ['GAUZY_MCP_AUTH_ISSUER'], keys: ['issuer'] },
  { names: ['GAUZY_MCP_DATA_DIR'], keys: ['keysPath'], note: '`<dir>/signing-keys.json`, when the file sets no `keysPath`' },
  { names: ['GAUZY_MCP_COOKIE_KEYS'], keys: ['cookieKeys'], note: 'a comma or space separated list' },
  { names: ['GAUZY_MCP_SIGNING_KEYS'], keys: ['signingKeys'], note: 'the key ring as JSON' },
];

interface JsonSchemaNode {
  type?: string;
  description?: string;
  default?: unknown;
  const?: unknown;
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  minItems?: number;
  items?: JsonSchemaNode;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  oneOf?: JsonSchemaNode[];
}

interface Row {
  key: string;
  type: string;
  default: string;
  description: string;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (value: unknown) => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;

/** The type as an operator writes it in JSON: `URL`, `integer 0–65535`, `list of string`, the allowed values. */
function typeOf(node: JsonSchemaNode): string {
  if (node.const !== undefined) return code(node.const);
  if (node.enum) return node.enum.map(code).join(' | ');
  switch (node.type) {
    case 'array':
      return `${node.minItems ? 'non-empty ' : ''}list of ${node.items ? typeOf(node.items) : 'values'}`;
    case 'string':
      if (node.format === 'uri') return 'URL';
      if (node.format === 'uuid') return 'UUID';
      return node.minLength && node.minLength > 1 ? `string (${node.minLength}+ characters)` : 'string';
    case 'integer':
    case 'number': {
      const max = node.maximum !== undefined && node.maximum < Number.MAX_SAFE_INTEGER ? node.maximum : undefined;
      if (node.minimum !== undefined && max !== undefined) return `${node.type} ${node.minimum}–${max}`;
      if (node.exclusiveMinimum === 0) return `${node.type} > 0`;
      if (node.minimum === 0) return `${node.type} ≥ 0`;
      return node.type;
    }
    case 'boolean':
    case 'object':
      return node.type;
    default:
      return 'JSON';
  }
}

/** One row per key, depth first: objects, then their keys; a discriminated union's options each under their tag. */
function rowsOf(node: JsonSchemaNode, prefix: string, inherited: { default?: unknown; required: boolean; option?: string }): Row[] {
  const ownDefault = node.default !== undefined ? node.default : inherited.default;
  const isSection = !!node.properties || !!node.oneOf;
  const defaultCell = inherited.required ? 'required' : ownDefault !== undefined && !isSection ? code(ownDefault) : '—';
  const note = inherited.option ? `With ${code(inherited.option)}: ` : '';
  const rows: Row[] = prefix ? [{ key: prefix, type: node.oneOf ? 'object' : typeOf(node), default: defaultCell, description: note + (node.description ?? '') }] : [];
  const below = (name: string) => (prefix ? `${prefix}.${name}` : name);
  if (node.oneOf) {
    // The tag is the key every option fixes with a const.
    const tag = Object.keys(node.oneOf[0]!.properties ?? {}).find((name) => node.oneOf!.every((option) => option.properties?.[name]?.const !== undefined))!;
    const tags = node.oneOf.map((option) => option.properties![tag]!.const as string);
    rows.push({
      key: below(tag),
      type: tags.map(code).join(' | '),
      default: ownDefault !== undefined ? code((ownDefault as Record<string, unknown>)[tag]) : 'required',
      description: node.oneOf.map((option) => option.description ?? '').join(' '),
    });
    node.oneOf.forEach((option, index) => {
      for (const [name, child] of Object.entries(option.properties ?? {})) {
        if (name === tag) continue;
        rows.push(...rowsOf(child, below(name), { required: option.required?.includes(name) ?? false, option: tags[index] }));
      }
    });
  }
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    const parentDefault = ownDefault && typeof ownDefault === 'object' ? (ownDefault as Record<string, unknown>)[name] : undefined;
    rows.push(...rowsOf(child, below(name), { default: parentDefault, required: node.required?.includes(name) ?? false, option: inherited.option }));
  }
  if (node.type === 'array' && node.items?.properties) {
    for (const [name, child] of Object.entries(node.items.properties)) {
      rows.push(...rowsOf(child, `${prefix}[].${name}`, { required: node.items.required?.includes(name) ?? false, option: inherited.option }));
    }
  }
  return rows;
}

/** The reference table of one config schema: every key with its type, default, env override and description. */
export function renderConfigTable(schema: z.ZodType, env: readonly EnvMapping[]): string {
  const root = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
  const rows = rowsOf(root, '', { required: false });
  const envCell = (key: string) =>
    env
      .filter((mapping) => mapping.keys.includes(key))
      .map((mapping) => `${mapping.names.map(code).join(', ')}${mapping.note ? ` (${mapping.note})` : ''}`)
      .join('; ');
  const unplaced = env.flatMap((mapping) => mapping.keys).filter((key) => !rows.some((row) => row.key === key));
  if (unplaced.length > 0) throw new Error(`env overrides name keys the schema lacks: ${unplaced.join(', ')}`);
  return [
    '| key | type | default | env | description |',
    '|---|---|---|---|---|',
    ...rows.map((row) => `| \`${row.key}\` | ${cell(row.type)} | ${cell(row.default)} | ${cell(envCell(row.key))} | ${cell(row.description)} |`),
  ].join('\n');
}

/** The generated part of docs/OPERATORS.md: the host's and the authorization server's config references. */
export function renderConfigReference(host: { schema: z.ZodType; env: readonly EnvMapping[] }, auth: { schema: z.ZodType; env: readonly EnvMapping[] }): string {
  return [
    '### Host config (`gauzy-mcp serve --config host.json`)',
    '',
    'A key written `a.b` is `b` inside the object `a`; `a[].b` is `b` in each item of the list `a`. A variable set in the environment wins over the file.',
    '',
    renderConfigTable(host.schema, host.env),
    '',
    '### Authorization server config (`gauzy-mcp serve --auth-config auth.json`)',
    '',
    renderConfigTable(auth.schema, auth.env),
    '',
  ].join('\n');
}
