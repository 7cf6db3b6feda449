import { GauzyMcpError, isGauzyMcpError } from './errors.js';
import type { ToolOutput } from './tool.js';

/**
 * Default cap on a list's items as JSON: past it, items are cut and the result says so. With the text (at
 * most 50 lines) beside them, an answer stays under 32 KB.
 */
export const DEFAULT_MAX_RESULT_BYTES = 24 * 1024;

/** What one answer (text and structured content) may take by default. */
export const MAX_ANSWER_BYTES = 32 * 1024;

export function ok(structured: Record<string, unknown>, text: string): ToolOutput {
  return { structured, text };
}

type Item = Record<string, unknown>;

/** A one-line label for an entity: its name or title, status, and id. */
export function describeItem(item: Item): string {
  const label = item.name ?? item.title ?? item.fullName ?? item.description ?? (item.user as Item | undefined)?.name ?? item.email;
  const extras = [item.taskNumber, item.status, item.logType].filter((value) => typeof value === 'string' && value);
  const head = typeof label === 'string' && label ? label : '(untitled)';
  return `${head}${extras.length ? ` [${extras.join(', ')}]` : ''}${item.id ? ` (id ${String(item.id)})` : ''}`;
}

/** A person as text: the name Gauzy shows (employee.fullName, the user's first and last name, or email). */
export function personName(person: unknown): string | undefined {
  if (!person || typeof person !== 'object') return undefined;
  const record = person as Item;
  const user = (record.user as Item | undefined) ?? record;
  const full = typeof record.fullName === 'string' && record.fullName.trim() ? record.fullName.trim() : [user.firstName, user.lastName].filter((part) => typeof part === 'string' && part).join(' ');
  return full || (typeof user.name === 'string' && user.name ? user.name : typeof user.email === 'string' ? user.email : undefined);
}

/** What a related record is called: a person (an employee with its user) by name, anything else by name or title. */
export function recordLabel(record: Item): string | undefined {
  const label = (record.user ? personName(record) : undefined) ?? record.name ?? record.title ?? personName(record);
  return typeof label === 'string' && label ? label : undefined;
}

/** A related record as text: {@link recordLabel} with its id. */
export function refLabel(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Item;
  const label = recordLabel(record);
  if (!label) return undefined;
  return record.id ? `${label} (id ${String(record.id)})` : label;
}

/** A value as a person reads it: dates to the day (to the minute when they carry a time), lists joined. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '-';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) {
      const iso = date.toISOString();
      return iso.slice(11, 19) === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 16).replace('T', ' ')} UTC`;
    }
  }
  if (Array.isArray(value)) return value.map((entry) => (typeof entry === 'object' ? (refLabel(entry) ?? JSON.stringify(entry)) : formatValue(entry))).join(', ') || '-';
  if (typeof value === 'object') return refLabel(value) ?? JSON.stringify(value);
  return String(value);
}

/**
 * The requested `fields` an item's line does not show yet, as `name: value`, so a model that asked for a
 * field sees it in the text as well as in the structured result.
 */
export function requestedFacts(item: Item, line: string, fields: readonly string[] | undefined): string {
  const facts = (fields ?? [])
    .filter((field) => field !== 'id' && field in item)
    .map((field) => [field, formatValue(item[field])] as const)
    .filter(([, value]) => !line.includes(value))
    .map(([field, value]) => `${field}: ${value}`);
  return facts.length ? ` · ${facts.join(' · ')}` : '';
}

/** Kept whatever `fields` says: what identifies a record to a person, so a projected line still says which one it is. */
const IDENTIFYING_FIELDS = ['id', 'taskNumber', 'title', 'name', 'fullName'];

export function project(item: Item, fields: readonly string[] | undefined): Item {
  if (!fields || fields.length === 0) return item;
  const out: Item = {};
  for (const field of [...IDENTIFYING_FIELDS, ...fields]) if (field in item) out[field] = item[field];
  return out;
}

export interface ListResultInput {
  items: readonly Item[];
  /** Required for a page Gauzy cut; ignored when `unpaged` (the total is the list's length). */
  total?: number;
  /**
   * The route answered every matching record at once (Gauzy's array routes ignore take/skip):
   * the page is cut here so results stay bounded.
   */
  unpaged?: boolean;
  skip: number;
  take: number;
  fields?: readonly string[];
  /** Plural noun for the text, e.g. "tasks". */
  noun: string;
  maxBytes?: number;
  describe?: (item: Item) => string;
}

/**
 * The one list shape: `items`, `total`, where the page starts and how to get the next one. Items past
 * the size cap are cut from the end, and `note` tells the model how to ask for the rest.
 */
export function listResult(input: ListResultInput): ToolOutput {
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_RESULT_BYTES;
  const total = input.unpaged ? input.items.length : (input.total ?? input.items.length);
  const page = input.unpaged ? input.items.slice(input.skip, input.skip + input.take) : input.items;
  let items = page.map((item) => project(item, input.fields));
  let truncated = false;
  let size = JSON.stringify(items).length;
  while (items.length > 0 && size > maxBytes) {
    truncated = true;
    const keep = Math.max(0, Math.min(items.length - 1, Math.floor((items.length * maxBytes) / size)));
    items = items.slice(0, keep);
    size = JSON.stringify(items).length;
  }
  const returned = items.length;
  const nextSkip = input.skip + returned;
  const hasMore = nextSkip < total;
  const structured: Record<string, unknown> = { items, total, returned, skip: input.skip, take: input.take, hasMore };
  if (hasMore) structured.nextSkip = nextSkip;
  if (truncated) {
    structured.truncated = true;
    structured.note = `Result cut to ${returned} item(s) to stay under ${Math.round(maxBytes / 1024)} KB; request fewer fields with "fields", or continue with skip=${nextSkip}.`;
  }
  const describe = input.describe ?? describeItem;
  const lines = items.slice(0, 50).map((item) => {
    const line = describe(item);
    return `- ${line}${requestedFacts(item, line, input.fields)}`;
  });
  // Only figures the structured content carries (skip, not skip + 1), so the two channels agree.
  const header = total === 0 ? `No ${input.noun} found.` : `${returned} of ${total} ${input.noun}${input.skip ? ` after the first ${input.skip}` : ''}:`;
  const footer = [hasMore ? `More available: call again with skip=${nextSkip}.` : '', truncated ? String(structured.note) : ''].filter(Boolean);
  return { structured, text: [header, ...lines, ...(returned > 50 ? [`… and ${returned - 50} more in the structured result.`] : []), ...footer].join('\n') };
}

/** One record's answer; `describe` is its entity's one-line rendering (default: a generic label). */
export function entityResult(entity: Item, verb: string, noun: string, describe: (item: Item) => string = describeItem): ToolOutput {
  return { structured: entity, text: `${verb} ${noun}: ${describe(entity)}` };
}

export interface ErrorResult {
  [key: string]: unknown;
  isError: true;
  content: Array<{ type: 'text'; text: string }>;
}

/**
 * Everything that goes wrong inside a tool becomes an `isError` result with a code, a sentence and
 * (for Gauzy refusals) Gauzy's own messages; unexpected exceptions keep their stack out of the answer.
 */
export function errorResult(error: unknown, toolName: string): ErrorResult {
  const coded = isGauzyMcpError(error) ? error : new GauzyMcpError('GMCP_ERR_INTERNAL', [toolName]);
  const lines = [`${coded.code}: ${coded.message}`];
  const messages = coded.details.gauzyMessages;
  if (Array.isArray(messages) && messages.length > 0) lines.push(`Gauzy said: ${messages.join('; ')}`);
  const issues = coded.details.issues;
  if (Array.isArray(issues)) for (const issue of issues as Array<{ field: string; message: string }>) lines.push(`- ${issue.field}: ${issue.message}`);
  if (typeof coded.details.hint === 'string') lines.push(`What to do: ${coded.details.hint}`);
  const payload = { error: { code: coded.code, message: coded.message, ...coded.details } };
  return { isError: true, content: [{ type: 'text', text: `${lines.join('\n')}\n${JSON.stringify(payload)}` }] };
}
