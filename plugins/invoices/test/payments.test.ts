import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createKernel, silentLogger } from '@gauzy-mcp/core';
import { assertTextAgrees, connectInMemory, createSandbox, kernelOptionsFor, packCatalog, referenceToolNames, type Sandbox, type TestClient } from '@gauzy-mcp/testkit';
import invoicesPlugin from '../src/index.js';
import { invoicesSandbox } from '../src/sandbox.js';

type Item = Record<string, unknown>;

const MISSING = '00000000-0000-4000-8000-000000000000';
/** The demo seed's rows (testkit/src/seeds/invoices.ts, payments.ts, contacts.ts). */
const INVOICE = {
  sentUnpaid: '7a1b2c3d-4e5f-4a6b-8c7d-1e2f3a4b5c01',
  partiallyPaid: '7b2c3d4e-5f6a-4b7c-9d8e-2f3a4b5c6d02',
  draft: '7c3d4e5f-6a7b-4c8d-8e9f-3a4b5c6d7e03',
  estimate: '7d4e5f6a-7b8c-4d9e-9f0a-4b5c6d7e8f04',
  fullyPaid: '7e5f6a7b-8c9d-4e0f-8a1b-5c6d7e8f9a05',
};
const PAYMENT = {
  partialTransfer: '9b2c3d4e-5f6a-4b7c-9d8e-2f3a4b5c6d91',
  lateCard: '9e5f6a7b-8c9d-4e0f-8a1b-5c6d7e8f9a92',
  cashAdvance: '9f6a7b8c-9d0e-4f1a-8b2c-6d7e8f9a0b93',
};
const ACME = '3d6f8b21-5c4e-4a7f-8b2c-8e9d0f1a2b32';
const EVER = '2c5e7a10-4b3d-4f6e-9a1b-7d8c9e0f1a21';

interface Harness {
  sandbox: Sandbox;
  admin: TestClient;
  employee: TestClient;
  close(): Promise<void>;
}

/** A fresh demo sandbox per test: the payment tools change the demo invoices. */
async function open(): Promise<Harness> {
  const sandbox = await createSandbox({ seed: 'demo', entities: [...invoicesSandbox] });
  const connect = (user: 'superAdmin' | 'employee') =>
    connectInMemory(createKernel({ plugins: [invoicesPlugin], inventory: { toolsets: ['payments'] }, log: silentLogger, ...kernelOptionsFor(sandbox, user) }).serverFactory);
  const admin = await connect('superAdmin');
  const employee = await connect('employee');
  return {
    sandbox, admin, employee,
    async close() {
      await admin.close();
      await employee.close();
      await sandbox.close();
    },
  };
}

async function withHarness(run: (h: Harness) => Promise<void>): Promise<void> {
  const h = await open();
  try {
    await run(h);
  } finally {
    await h.close();
  }
}

const ids = (outcome: { structured?: Item }) => ((outcome.structured?.items as Item[] | undefined) ?? []).map((item) => String(item.id));
const invoiceRow = (h: Harness, id: string) => h.sandbox.db.get('invoice', id)!;
const paymentState = (h: Harness, id: string) => {
  const { alreadyPaid, amountDue, paid, status } = invoiceRow(h, id);
  return { alreadyPaid, amountDue, paid, status };
};
const sent = (h: Harness, method: string, path: string) => h.sandbox.requests.filter((request) => request.method === method && request.path === path);

test('every reference tool of payments is callable; list_payments and create_payment are listed; the listed tools stay within 6,500 bytes', () => {
  const names = referenceToolNames('payments');
  assert.equal(names.length, 14);
  const catalog = packCatalog([invoicesPlugin]);
  assert.deepEqual(names.filter((name) => !catalog.callable(name)), []);
  const listed = catalog.listed.filter((tool) => tool.toolset === 'payments');
  assert.deepEqual(listed.map((tool) => tool.name).sort(), [
    'archive_payment', 'create_payment', 'delete_payment', 'get_payment_by_id', 'get_payment_statistics', 'list_payments', 'update_payment',
  ]);
  const bytes = listed.reduce((sum, tool) => sum + tool.bytes, 0);
  assert.ok(bytes <= 6500, `${bytes} bytes`);
  for (const name of ['get_payments', 'get_payment_count', 'get_payments_by_invoice', 'get_payments_by_client', 'search_payments', 'get_payment']) assert.equal(catalog.callable(name), 'alias', name);
  assert.equal(catalog.callable('get_overdue_payments'), 'preset');
  assert.deepEqual(catalog.retired.map((tool) => tool.name).filter((name) => names.includes(name)).sort(), ['process_payment', 'refund_payment', 'update_payment_status']);
});

test('retired names answer GMCP_ERR_TOOL_RETIRED naming the tool to use, and send Gauzy nothing', () =>
  withHarness(async (h) => {
    for (const [name, instead] of [['update_payment_status', /update_payment with overdue/], ['process_payment', /create_payment/], ['refund_payment', /update_payment .*delete_payment/]] as const) {
      h.sandbox.clearRequests();
      const answer = await h.admin.call(name, { id: PAYMENT.cashAdvance });
      assert.equal(answer.error?.code, 'GMCP_ERR_TOOL_RETIRED', answer.text);
      assert.match(answer.text, instead);
      assert.equal(h.sandbox.requests.length, 0);
    }
  }));

test('list_payments names amount, currency, method, date, invoice and client; the old names filter by invoice, client, note and overdue', () =>
  withHarness(async (h) => {
    const all = await h.admin.call('list_payments', {});
    assert.equal(all.isError, false, all.text);
    assert.equal(all.structured!.total, 3);
    // Newest payment first.
    assert.deepEqual(ids(all), [PAYMENT.cashAdvance, PAYMENT.partialTransfer, PAYMENT.lateCard]);
    assert.ok(all.text.includes(`EUR 500 by BANK_TRANSFER on `), all.text);
    assert.ok(all.text.includes(`invoice #1002 of EUR 1900 [PARTIALLY_PAID] (id ${INVOICE.partiallyPaid}) · client Acme Retail (id ${ACME}) · "First instalment"`), all.text);
    assert.match(all.text, /USD 800 by CREDIT_CARD .* · overdue/);
    assertTextAgrees(all.text, all.structured!);
    assert.equal(sent(h, 'GET', '/api/payments/pagination').length, 1);

    assert.deepEqual(ids(await h.admin.call('get_payments_by_invoice', { invoiceId: INVOICE.partiallyPaid })), [PAYMENT.partialTransfer]);
    assert.deepEqual(ids(await h.admin.call('get_payments_by_client', { organizationContactId: EVER })), [PAYMENT.cashAdvance, PAYMENT.lateCard]);
    assert.deepEqual(ids(await h.admin.call('get_overdue_payments', {})), [PAYMENT.lateCard]);
    assert.deepEqual(ids(await h.admin.call('search_payments', { note: 'HOSTING' })), [PAYMENT.cashAdvance]);
    assert.deepEqual(ids(await h.admin.call('list_payments', { currency: 'USD', paymentMethod: 'CASH' })), [PAYMENT.cashAdvance]);
    const count = await h.admin.call('get_payment_count', { currency: 'USD' });
    assert.equal(count.structured!.total, 2, count.text);
    const overdueWithOther = await h.admin.call('get_overdue_payments', { overdue: false });
    assert.ok(overdueWithOther.error?.fields?.includes('overdue'), overdueWithOther.text);
  }));

test('list_payments bounds the payment date as Gauzy does (a missing side open, an end date its whole day), and says when it matched a note here', () =>
  withHarness(async (h) => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const recent = await h.admin.call('list_payments', { startDate: day(-22) });
    assert.deepEqual(ids(recent), [PAYMENT.cashAdvance, PAYMENT.partialTransfer], recent.text);
    const where = sent(h, 'GET', '/api/payments/pagination').at(-1)!.query.where as { paymentDate: { startDate: string; endDate: string } };
    assert.equal(where.paymentDate.startDate, day(-22));
    assert.match(where.paymentDate.endDate, /^9999-12-31/);
    // The payment 20 days ago counts to the end of its day.
    assert.deepEqual(ids(await h.admin.call('list_payments', { startDate: day(-30), endDate: day(-20) })), [PAYMENT.partialTransfer, PAYMENT.lateCard]);
    // Gauzy's transform would read "2026" as true: the notes are matched here.
    await h.admin.call('update_payment', { id: PAYMENT.cashAdvance, note: 'Hosting 2026' });
    const numeric = await h.admin.call('list_payments', { note: '2026' });
    assert.deepEqual(ids(numeric), [PAYMENT.cashAdvance], numeric.text);
    assert.match(numeric.text, /reads "2026" as a boolean/);
    assertTextAgrees(numeric.text, numeric.structured!);
    const where2 = sent(h, 'GET', '/api/payments/pagination').at(-1)!.query.where as Item;
    assert.equal(where2.note, undefined);
  }));

test('list_payments refuses a wrong currency or method naming the field, and sends nothing', () =>
  withHarness(async (h) => {
    h.sandbox.clearRequests();
    for (const [args, field] of [[{ currency: 'usd' }, 'currency'], [{ currency: 'XYZ' }, 'currency'], [{ paymentMethod: 'WIRE' }, 'paymentMethod'], [{ invoiceId: 'x' }, 'invoiceId'], [{ take: 500 }, 'take']] as const) {
      const answer = await h.admin.call('list_payments', args);
      assert.equal(answer.isError, true);
      assert.ok(answer.error?.fields?.includes(field), answer.text);
    }
    assert.equal(h.sandbox.requests.filter((request) => request.path.startsWith('/api/payments')).length, 0);
  }));

test('get_payment_by_id names the invoice and client; an unknown id is a 404', () =>
  withHarness(async (h) => {
    const found = await h.admin.call('get_payment', { id: PAYMENT.partialTransfer });
    assert.equal(found.isError, false, found.text);
    assert.ok(found.text.startsWith('Found payment: EUR 500 by BANK_TRANSFER'), found.text);
    assert.equal((found.structured!.invoice as Item).invoiceNumber, 1002);
    assertTextAgrees(found.text, found.structured!);
    const missing = await h.admin.call('get_payment_by_id', { id: MISSING });
    assert.equal(missing.error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND', missing.text);
  }));

test('create_payment of the PARTIALLY_PAID demo invoice moves its alreadyPaid, amountDue, paid and status as Gauzy\'s app does: partly, fully, overpaid', () =>
  withHarness(async (h) => {
    assert.deepEqual(paymentState(h, INVOICE.partiallyPaid), { alreadyPaid: 500, amountDue: 1400, paid: false, status: 'PARTIALLY_PAID' });
    const part = await h.admin.call('create_payment', { amount: 400, invoiceId: INVOICE.partiallyPaid, paymentMethod: 'BANK_TRANSFER', note: 'Second instalment' });
    assert.equal(part.isError, false, part.text);
    const row = h.sandbox.db.get('payment', String(part.structured!.id))!;
    // The invoice's currency and client; overdue: paid today, after the invoice was due (10 days ago).
    assert.equal(row.currency, 'EUR');
    assert.equal(row.organizationContactId, ACME);
    assert.equal(row.overdue, true);
    assert.equal(row.amount, 400);
    assert.deepEqual(paymentState(h, INVOICE.partiallyPaid), { alreadyPaid: 900, amountDue: 1000, paid: false, status: 'PARTIALLY_PAID' });
    const action = sent(h, 'PUT', `/api/invoices/${INVOICE.partiallyPaid}/action`).at(-1)!;
    assert.deepEqual(action.body, { status: 'PARTIALLY_PAID', paid: false, alreadyPaid: 900, amountDue: 1000 });
    assert.match(part.text, /^Recorded payment: EUR 400 by BANK_TRANSFER on /);
    assert.ok(part.text.includes(`Invoice #1002 (id ${INVOICE.partiallyPaid}) updated as Gauzy's app does: paid EUR 900 of 1900 in 2 payments, due 1000, status PARTIALLY_PAID (was paid 500, status PARTIALLY_PAID).`), part.text);
    assertTextAgrees(part.text, part.structured!);

    const rest = await h.admin.call('create_payment', { amount: 1000, invoiceId: INVOICE.partiallyPaid, currency: 'EUR', paymentDate: '2026-11-01' });
    assert.equal(rest.isError, false, rest.text);
    assert.equal(h.sandbox.db.get('payment', String(rest.structured!.id))!.overdue, false);
    assert.deepEqual(paymentState(h, INVOICE.partiallyPaid), { alreadyPaid: 1900, amountDue: 0, paid: true, status: 'FULLY_PAID' });
    assert.match(rest.text, /status FULLY_PAID \(was paid 900, status PARTIALLY_PAID\)/);

    await h.admin.call('create_payment', { amount: 50.25, invoiceId: INVOICE.partiallyPaid, overdue: false });
    assert.deepEqual(paymentState(h, INVOICE.partiallyPaid), { alreadyPaid: 1950.25, amountDue: 0, paid: true, status: 'OVERPAID' });
  }));

test('an invoice whose alreadyPaid Gauzy never kept (its demo seed leaves it empty) gets the sum of all its payments', () =>
  withHarness(async (h) => {
    Object.assign(invoiceRow(h, INVOICE.fullyPaid), { alreadyPaid: null, amountDue: null, status: 'DRAFT' });
    const answer = await h.admin.call('create_payment', { amount: 100, invoiceId: INVOICE.fullyPaid });
    assert.equal(answer.isError, false, answer.text);
    assert.deepEqual(paymentState(h, INVOICE.fullyPaid), { alreadyPaid: 900, amountDue: 0, paid: true, status: 'OVERPAID' });
    assert.match(answer.text, /paid USD 900 of 800 in 2 payments, due 0, status OVERPAID \(was paid nothing recorded, status DRAFT\)/);
    assertTextAgrees(answer.text, answer.structured!);
  }));

test('create_payment of a SENT invoice makes it PARTIALLY_PAID; one of no invoice needs a currency and touches no invoice', () =>
  withHarness(async (h) => {
    const paid = await h.admin.call('create_payment', { amount: 1000, invoiceId: INVOICE.sentUnpaid, paymentMethod: 'ONLINE' });
    assert.equal(paid.isError, false, paid.text);
    assert.equal(h.sandbox.db.get('payment', String(paid.structured!.id))!.currency, 'USD');
    assert.equal(h.sandbox.db.get('payment', String(paid.structured!.id))!.overdue, false);
    assert.deepEqual(paymentState(h, INVOICE.sentUnpaid), { alreadyPaid: 1000, amountDue: 2850, paid: false, status: 'PARTIALLY_PAID' });

    h.sandbox.clearRequests();
    const loose = await h.admin.call('create_payment', { amount: 75, currency: 'GBP', paymentDate: '2026-11-28T10:00:00Z', organizationContactId: EVER, paymentMethod: 'CHEQUE' });
    assert.equal(loose.isError, false, loose.text);
    const row = h.sandbox.db.get('payment', String(loose.structured!.id))!;
    assert.deepEqual([row.amount, row.currency, row.paymentMethod, row.invoiceId, row.organizationContactId, row.organizationId], [75, 'GBP', 'CHEQUE', null, EVER, h.sandbox.seed.organizationId]);
    assert.equal(h.sandbox.requests.filter((request) => request.path.startsWith('/api/invoices')).length, 0);
    assert.ok(loose.text.includes('GBP 75 by CHEQUE on 2026-11-28 10:00 UTC'), loose.text);
  }));

test('create_payment refuses, naming the field and sending no payment: a missing or wrong currency, a non-positive amount, an estimate, an unknown invoice', () =>
  withHarness(async (h) => {
    h.sandbox.clearRequests();
    for (const [args, field] of [
      [{ amount: 10 }, 'currency'],
      [{ amount: 10, currency: 'usd' }, 'currency'],
      [{ amount: 0, currency: 'USD' }, 'amount'],
      [{ amount: -5, currency: 'USD' }, 'amount'],
      [{ currency: 'USD' }, 'amount'],
      [{ amount: 10, currency: 'USD', paymentMethod: 'PAYPAL' }, 'paymentMethod'],
      [{ amount: 10, currency: 'USD', paymentDate: 'yesterday' }, 'paymentDate'],
      [{ amount: 10, invoiceId: INVOICE.estimate }, 'invoiceId'],
      [{ amount: 10, invoiceId: MISSING }, 'invoiceId'],
      [{ amount: 10, invoiceId: INVOICE.partiallyPaid, currency: 'USD' }, 'currency'],
    ] as const) {
      const answer = await h.admin.call('create_payment', args);
      assert.equal(answer.isError, true, JSON.stringify(args));
      assert.ok(answer.error?.fields?.includes(field), `${JSON.stringify(args)}: ${answer.text}`);
    }
    assert.match((await h.admin.call('create_payment', { amount: 10, invoiceId: INVOICE.partiallyPaid, currency: 'USD' })).text, /invoice #1002 is in EUR/);
    assert.equal(sent(h, 'POST', '/api/payments').length, 0);
    assert.equal(h.sandbox.db.list('payment').length, 3);
  }));

test('update_payment sends the whole payment (its PUT requires amount), and settles the invoices it was and is of', () =>
  withHarness(async (h) => {
    const raised = await h.admin.call('update_payment', { id: PAYMENT.partialTransfer, amount: 700 });
    assert.equal(raised.isError, false, raised.text);
    const put = sent(h, 'PUT', `/api/payments/${PAYMENT.partialTransfer}`).at(-1)!;
    assert.equal((put.body as Item).amount, 700);
    assert.equal((put.body as Item).currency, 'EUR');
    assert.equal((put.body as Item).invoiceId, INVOICE.partiallyPaid);
    assert.equal(h.sandbox.db.get('payment', PAYMENT.partialTransfer)!.note, 'First instalment');
    assert.deepEqual(paymentState(h, INVOICE.partiallyPaid), { alreadyPaid: 700, amountDue: 1200, paid: false, status: 'PARTIALLY_PAID' });
    assertTextAgrees(raised.text, raised.structured!);

    // Another currency's invoice is refused; detaching the payment leaves #1002 with nothing paid: VIEWED, as the app sets it.
    const wrong = await h.admin.call('update_payment', { id: PAYMENT.partialTransfer, invoiceId: INVOICE.draft });
    assert.ok(wrong.error?.fields?.includes('currency'), wrong.text);
    const detached = await h.admin.call('update_payment', { id: PAYMENT.partialTransfer, invoiceId: null });
    assert.equal(detached.isError, false, detached.text);
    assert.equal(h.sandbox.db.get('payment', PAYMENT.partialTransfer)!.invoiceId, null);
    assert.deepEqual(paymentState(h, INVOICE.partiallyPaid), { alreadyPaid: 0, amountDue: 1900, paid: false, status: 'VIEWED' });
    assert.match(detached.text, /status VIEWED \(was paid 700, status PARTIALLY_PAID\)/);

    // Moving the cash advance onto the USD draft: the draft becomes partly paid.
    const moved = await h.admin.call('update_payment', { id: PAYMENT.cashAdvance, invoiceId: INVOICE.draft });
    assert.equal(moved.isError, false, moved.text);
    assert.deepEqual(paymentState(h, INVOICE.draft), { alreadyPaid: 150, amountDue: 1050, paid: false, status: 'PARTIALLY_PAID' });

    const bad = await h.admin.call('update_payment', { id: PAYMENT.cashAdvance, amount: -1 });
    assert.ok(bad.error?.fields?.includes('amount'), bad.text);
    const nothing = await h.admin.call('update_payment', { id: PAYMENT.cashAdvance });
    assert.equal(nothing.isError, true);
    assert.equal((await h.admin.call('update_payment', { id: MISSING, note: 'x' })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
  }));

test('the sandbox refuses a payment PUT without amount as Gauzy\'s UpdatePaymentDTO does', () =>
  withHarness(async (h) => {
    const login = await fetch(`${h.sandbox.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: h.sandbox.seed.users.superAdmin.email, password: h.sandbox.seed.users.superAdmin.password }) });
    const { token } = (await login.json()) as { token: string };
    const answer = await fetch(`${h.sandbox.url}/api/payments/${PAYMENT.cashAdvance}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'tenant-id': h.sandbox.seed.tenantId },
      body: JSON.stringify({ note: 'only a note', organizationId: h.sandbox.seed.organizationId, tenantId: h.sandbox.seed.tenantId }),
    });
    assert.equal(answer.status, 400);
    assert.deepEqual(((await answer.json()) as { message: string[] }).message, ['amount must be a number conforming to the specified constraints']);
  }));

test('the sandbox answers GET /api/payments as the real Gauzy does: 202, and a boolean filter (no transform on this route) matches nothing', () =>
  withHarness(async (h) => {
    const login = await fetch(`${h.sandbox.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: h.sandbox.seed.users.superAdmin.email, password: h.sandbox.seed.users.superAdmin.password }) });
    const { token } = (await login.json()) as { token: string };
    const get = async (extra: string) => {
      const answer = await fetch(`${h.sandbox.url}/api/payments?where[organizationId]=${h.sandbox.seed.organizationId}&where[tenantId]=${h.sandbox.seed.tenantId}${extra}`, { headers: { authorization: `Bearer ${token}`, 'tenant-id': h.sandbox.seed.tenantId } });
      return { status: answer.status, body: (await answer.json()) as { items: Item[]; total: number } };
    };
    const all = await get('&take=2&skip=1');
    assert.equal(all.status, 202);
    assert.deepEqual([all.body.items.length, all.body.total], [2, 3]);
    assert.equal((await get('&where[overdue]=true')).body.total, 0);
    assert.equal((await get('&where[currency]=USD')).body.total, 2);
  }));

test('delete_payment removes the payment and takes it off its invoice; archive_payment soft-deletes one with the same effect on the invoice', () =>
  withHarness(async (h) => {
    const deleted = await h.admin.call('delete_payment', { id: PAYMENT.lateCard });
    assert.equal(deleted.isError, false, deleted.text);
    assert.equal(h.sandbox.db.get('payment', PAYMENT.lateCard), undefined);
    assert.deepEqual(paymentState(h, INVOICE.fullyPaid), { alreadyPaid: 0, amountDue: 800, paid: false, status: 'VIEWED' });
    assert.match(deleted.text, /^Deleted payment permanently: USD 800 by CREDIT_CARD/);
    assert.equal(deleted.structured!.deleted, true);

    const archived = await h.admin.call('archive_payment', { id: PAYMENT.partialTransfer });
    assert.equal(archived.isError, false, archived.text);
    assert.ok(h.sandbox.db.get('payment', PAYMENT.partialTransfer)!.deletedAt);
    assert.equal(archived.structured!.recoverable, false);
    assert.deepEqual(paymentState(h, INVOICE.partiallyPaid), { alreadyPaid: 0, amountDue: 1900, paid: false, status: 'VIEWED' });
    assert.deepEqual(ids(await h.admin.call('list_payments', {})), [PAYMENT.cashAdvance]);

    // A payment of no invoice touches none.
    h.sandbox.clearRequests();
    assert.equal((await h.admin.call('delete_payment', { id: PAYMENT.cashAdvance })).isError, false);
    assert.equal(h.sandbox.requests.filter((request) => request.path.startsWith('/api/invoices')).length, 0);
    assert.equal((await h.admin.call('delete_payment', { id: MISSING })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
    assert.equal((await h.admin.call('archive_payment', { id: MISSING })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
  }));

test('get_payment_statistics sums per currency, method and client, never across currencies', () =>
  withHarness(async (h) => {
    const stats = await h.admin.call('get_payment_statistics', { startDate: '2000-01-01', endDate: '2100-12-31' });
    assert.equal(stats.isError, false, stats.text);
    const s = stats.structured!;
    assert.equal(s.payments, 3);
    assert.deepEqual(s.totals, [{ key: 'EUR', currency: 'EUR', count: 1, amount: 500 }, { key: 'USD', currency: 'USD', count: 2, amount: 950 }]);
    assert.deepEqual((s.byClient as Item[]).map((entry) => [entry.name, entry.currency, entry.amount]), [['Acme Retail', 'EUR', 500], ['Ever Technologies', 'USD', 950]]);
    assert.deepEqual((s.overdue as Item[]).map((entry) => [entry.currency, entry.amount]), [['USD', 800]]);
    assert.equal(s.withoutInvoice, 1);
    assert.match(stats.text, /total EUR 500 \(1\), USD 950 \(2\)/);
    assert.ok(stats.text.includes(`Ever Technologies (id ${EVER}) USD 950 (2)`), stats.text);
    assertTextAgrees(stats.text, s);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const recent = await h.admin.call('get_payment_statistics', { startDate: day(-10), endDate: day(0) });
    assert.equal(recent.structured!.payments, 1);
    assert.match(recent.text, new RegExp(`Payments received from ${day(-10)} to ${day(0)}: 1; total USD 150 \\(1\\)`));
    assertTextAgrees(recent.text, recent.structured!);
    const none = await h.admin.call('get_payment_statistics', { startDate: '2000-01-01', endDate: '2100-12-31', currency: 'JPY' });
    assert.equal(none.text, 'No payments from 2000-01-01 to 2100-12-31.');
    for (const code of ['AUD', 'BGN', 'CAD', 'CHF', 'CZK', 'DKK', 'GBP', 'HUF', 'JPY', 'NOK', 'PLN', 'SEK']) await h.admin.call('create_payment', { amount: 1, currency: code, paymentDate: day(0) });
    const many = await h.admin.call('get_payment_statistics', { startDate: day(-1), endDate: day(0) });
    assert.match(many.text, /By client: .*; and 2 more in the structured result\./);
    assert.equal((many.structured!.byClient as Item[]).length, 12);
    assert.deepEqual(many.structured!.notInText, { byMethod: 2, byClient: 2 });
    assertTextAgrees(many.text, many.structured!);
    const open = await h.admin.call('get_payment_statistics', {});
    assert.ok(open.error?.fields?.includes('startDate') && open.error.fields.includes('endDate'), open.text);
  }));

test('role matrix: Gauzy\'s EMPLOYEE role has neither ORG_PAYMENT_VIEW nor ORG_PAYMENT_ADD_EDIT, so every payment tool is its 403 and nothing changes', () =>
  withHarness(async (h) => {
    for (const [name, args] of [
      ['list_payments', {}],
      ['get_overdue_payments', {}],
      ['get_payment_by_id', { id: PAYMENT.partialTransfer }],
      ['get_payment_statistics', { startDate: '2026-01-01', endDate: '2026-12-31' }],
      ['create_payment', { amount: 10, currency: 'USD' }],
      ['update_payment', { id: PAYMENT.partialTransfer, amount: 1 }],
      ['delete_payment', { id: PAYMENT.partialTransfer }],
      ['archive_payment', { id: PAYMENT.partialTransfer }],
    ] as const) {
      const answer = await h.employee.call(name, args);
      assert.equal(answer.error?.code, 'GMCP_ERR_GAUZY_FORBIDDEN', `${name}: ${answer.text}`);
      assert.match(answer.text, /Forbidden resource/);
      assert.match(String(answer.error?.hint), /ORG_PAYMENT_VIEW .*ORG_PAYMENT_ADD_EDIT .*ask an admin/);
    }
    // Reading the invoice is allowed (INVOICES_VIEW), recording the payment is not: no invoice is touched.
    const ofInvoice = await h.employee.call('create_payment', { amount: 10, invoiceId: INVOICE.partiallyPaid });
    assert.equal(ofInvoice.error?.code, 'GMCP_ERR_GAUZY_FORBIDDEN', ofInvoice.text);
    assert.equal(h.sandbox.db.list('payment').length, 3);
    assert.equal(h.sandbox.db.get('payment', PAYMENT.partialTransfer)!.amount, 500);
    assert.deepEqual(paymentState(h, INVOICE.partiallyPaid), { alreadyPaid: 500, amountDue: 1400, paid: false, status: 'PARTIALLY_PAID' });
  }));

test('an invoice update Gauzy refuses is reported beside the payment it already saved', () =>
  withHarness(async (h) => {
    h.sandbox.faults.add({ method: 'PUT', path: `/api/invoices/${INVOICE.partiallyPaid}/action`, status: 400, body: { statusCode: 400, message: 'Injected refusal' } });
    const answer = await h.admin.call('create_payment', { amount: 100, invoiceId: INVOICE.partiallyPaid });
    assert.equal(answer.isError, false, answer.text);
    assert.ok(h.sandbox.db.get('payment', String(answer.structured!.id)));
    assert.match(answer.text, new RegExp(`Invoice ${INVOICE.partiallyPaid} was NOT updated .*Injected refusal`));
    assert.equal(((answer.structured!.invoices as Item[])[0] as Item).id, INVOICE.partiallyPaid);
    assert.equal(invoiceRow(h, INVOICE.partiallyPaid).alreadyPaid, 500);
  }));
