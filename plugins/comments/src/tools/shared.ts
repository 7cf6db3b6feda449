import { personName } from '@gauzy-mcp/core';

type Item = Record<string, unknown>;

/**
 * A joined employee cut to what the text names, `{ id, name }` (as the kernel's lists compact their summary
 * relations), so an answer carries the author's name without the whole employee and user records.
 */
export function compactEmployee(item: Item, key = 'employee'): Item {
  const employee = item[key];
  if (!employee || typeof employee !== 'object') return item;
  const record = employee as Item;
  return { ...item, [key]: { id: record.id, name: personName(record) } };
}

/** The join that names a comment's author: the employee and their user (Gauzy sets Employee.fullName only with the user loaded). */
export const AUTHOR = ['employee', 'employee.user'] as const;

/** The relations a caller asked for, with the author's join added so the text can still name them. */
export const withAuthor = (asked?: readonly string[]) => [...new Set([...(asked ?? []), ...AUTHOR])];

/**
 * `fields` with the columns a record's one-line text is made of: the kernel projects the items before it
 * renders them, so a projection without them would leave the line blank ("? ?").
 */
export const withLineFields = (fields: readonly string[] | undefined, line: readonly string[]) => (fields?.length ? [...new Set([...fields, ...line])] : undefined);
