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

/** The summary join of a record that names its author: the employee and their user, unless the caller chose relations. */
export const AUTHOR = ['employee', 'employee.user'] as const;
