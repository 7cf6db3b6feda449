import assert from 'node:assert/strict';
import { test } from 'node:test';
import { betweenWhere } from '../src/list-tool.js';
import { currencyCode, formatMoney, GAUZY_CURRENCY_CODES, sumByCurrency } from '../src/money.js';

// The money facts every finance pack shares, written once: Gauzy's currency codes, sums per currency, a
// date range as Gauzy's services read it.

test("currencyCode takes Gauzy's codes only, in capitals", () => {
  assert.equal(GAUZY_CURRENCY_CODES.length, 285);
  for (const code of ['USD', 'EUR', 'BGN']) assert.equal(currencyCode().safeParse(code).success, true, code);
  for (const code of ['usd', 'US', 'XYZ', 'USDD', '']) assert.equal(currencyCode().safeParse(code).success, false, code);
  assert.match(currencyCode().safeParse('usd').error!.issues[0]!.message, /one of Gauzy's currency codes/);
});

test('sums are kept per currency, to the cent; an amount reads with its currency', () => {
  assert.deepEqual(sumByCurrency([{ amount: 0.1, currency: 'USD' }, { amount: 0.2, currency: 'USD' }, { amount: '5', currency: 'EUR' }]), { USD: 0.3, EUR: 5 });
  assert.deepEqual(sumByCurrency([{ totalValue: 10, currency: 'BGN' }], 'totalValue'), { BGN: 10 });
  assert.equal(formatMoney(12.5, 'USD'), '12.50 USD');
  assert.equal(formatMoney(undefined, undefined), '0.00');
});

test('a date range: an open end filled with the widest, a plain day as the end counts that whole day', () => {
  assert.equal(betweenWhere(), undefined);
  assert.deepEqual(betweenWhere('2026-11-01', '2026-11-30'), { startDate: '2026-11-01', endDate: '2026-11-30T23:59:59.999Z' });
  assert.deepEqual(betweenWhere(undefined, '2026-11-30T12:00:00Z'), { startDate: '1970-01-01T00:00:00.000Z', endDate: '2026-11-30T12:00:00Z' });
  assert.deepEqual(betweenWhere('2026-11-01'), { startDate: '2026-11-01', endDate: '9999-12-31T23:59:59.999Z' });
});
