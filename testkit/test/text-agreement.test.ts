import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertTextAgrees } from '../src/index.js';

const id = '0d334a55-6e66-43d4-960e-0fec1036551a';

test('assertTextAgrees passes what the structure carries: ids, days, minutes of timestamps, numbers, hours of seconds', () => {
  const structured = { items: [{ id, startedAt: '2026-12-02T09:15:00.000Z', duration: 5400, count: 3 }], total: 1 };
  assertTextAgrees(`1 of 1 time logs:\n- 2026-12-02 09:15 UTC, 1.50 h (5400 s), 3.00 tasks (id ${id})`, structured);
  assertTextAgrees(`started 2026-12-02T09:15:00.000Z, on 2026-12-02`, structured);
  assertTextAgrees('Acme (phone +359 888 123) · Sprint 12', { name: 'Acme', primaryPhone: '+359 888 123', sprint: 'Sprint 12' });
});

test('assertTextAgrees refuses what only the text says: another id, another minute, a number the structure lacks', () => {
  const structured = { items: [{ id, startedAt: '2026-12-02T09:15:00.000Z', duration: 5400 }], total: 1 };
  assert.throws(() => assertTextAgrees(`(id ${id.replace('0d', '1d')})`, structured), /is in the text, not in the structured content/);
  assert.throws(() => assertTextAgrees('2026-12-02 09:16 UTC', structured), /09:16/);
  assert.throws(() => assertTextAgrees('1 of 2 logs', structured), /2 is in the text/);
});

test('a negative figure agrees with the text that shows it with its sign (the sign is not part of the token)', () => {
  assertTextAgrees('2026-12: income 0, expenses 12, profit -12, bonus -9', { month: '2026-12', income: 0, expense: 12, profit: -12, bonus: -9 });
  assert.throws(() => assertTextAgrees('bonus -8', { bonus: -9 }), /8 is in the text/);
});
