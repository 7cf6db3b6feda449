import assert from 'node:assert/strict';

const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** A date, with the time of day when it has one: ISO (`2026-12-02T09:15:00.000Z`) or as formatValue writes it (`2026-12-02 09:15 UTC`). */
const DATES = /\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?(?: UTC)?)?/g;

/** Hours as the kernel shows seconds (hoursOf: two decimals). */
const hoursOf = (seconds: number) => Math.round(seconds / 36) / 100;

/** The part of a date token the structured content must hold: the day, and the minute when the token has a time. */
function dateKey(token: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(token)!;
  return match[2] ? `${match[1]}T${match[2]}` : match[1]!;
}

/**
 * Text and structured content agree: each id, date and number the text shows is in the structured content
 * (numbers compared as numbers, so "3.00" is 3; hours may stand for seconds the structure carries, as
 * "1.50 h" for a duration of 5400; digits inside a string value are that value's). A model reading either channel learns the same facts.
 */
export function assertTextAgrees(text: string, structured: Record<string, unknown>): void {
  const json = JSON.stringify(structured);
  const numbers = new Set<number>();
  const walk = (value: unknown): void => {
    if (typeof value === 'number') {
      // The text's tokens carry no sign ("profit -12" reads as 12), so a figure is known by its size.
      numbers.add(Math.abs(value));
      numbers.add(hoursOf(Math.abs(value)));
    } else if (typeof value === 'string') {
      // Digits inside a text value (a phone number, "Sprint 12") count as that value's, not as figures of their own.
      for (const digits of value.replace(UUIDS, ' ').replace(DATES, ' ').match(/\d+(?:\.\d+)?/g) ?? []) numbers.add(Number(digits));
    } else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(structured);
  for (const token of text.match(UUIDS) ?? []) assert.ok(json.includes(token), `${token} is in the text, not in the structured content`);
  for (const token of text.match(DATES) ?? []) assert.ok(json.includes(dateKey(token)), `${token} is in the text, not in the structured content`);
  for (const token of text.replace(UUIDS, ' ').replace(DATES, ' ').match(/\d+(?:\.\d+)?/g) ?? []) assert.ok(numbers.has(Number(token)), `${token} is in the text, not in the structured content`);
}
