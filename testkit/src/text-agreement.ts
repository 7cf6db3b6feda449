import assert from 'node:assert/strict';

const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const DATES = /\d{4}-\d{2}-\d{2}/g;

/**
 * Text and structured content agree: each id, date and number the text shows is in the structured content
 * (numbers compared as numbers, so "3.00" is 3). A model reading either channel learns the same facts.
 */
export function assertTextAgrees(text: string, structured: Record<string, unknown>): void {
  const json = JSON.stringify(structured);
  const numbers = new Set<number>();
  const walk = (value: unknown): void => {
    if (typeof value === 'number') numbers.add(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(structured);
  for (const token of [...(text.match(UUIDS) ?? []), ...(text.match(DATES) ?? [])]) assert.ok(json.includes(token), `${token} is in the text, not in the structured content`);
  for (const token of text.replace(UUIDS, ' ').replace(DATES, ' ').match(/\d+(?:\.\d+)?/g) ?? []) assert.ok(numbers.has(Number(token)), `${token} is in the text, not in the structured content`);
}
