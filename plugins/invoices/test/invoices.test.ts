import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createKernel, silentLogger } from '@gauzy-mcp/core';
import { assertTextAgrees, connectInMemory, kernelOptionsFor, packCatalog, referenceToolNames, type Sandbox, type TestClient, usePackHarness } from '@gauzy-mcp/testkit';
import invoicesPlugin from '../src/index.js';
import { INVOICES_BULK_TOOLSET, INVOICES_TOOLSET } from '../src/invoices/entities.js';
import { invoicesSandbox } from '../src/sandbox.js';
import { invoiceMoney } from '../src/invoices/totals.js';

type Item = Record<string, unknown>;

let sandbox: Sandbox;
let admin: TestClient;
let employee: TestClient;
const MISSING = '00000000-0000-4000-8000-000000000000';
/** testkit/src/seeds/invoices.ts and contacts.ts. */
const INVOICE = {
  sentUnpaid: '7a1b2c3d-4e5f-4a6b-8c7d-1e2f3a4b5c01',
  partiallyPaid: '7b2c3d4e-5f6a-4b7c-9d8e-2f3a4b5c6d02',
  draft: '7c3d4e5f-6a7b-4c8d-8e9f-3a4b5c6d7e03',
  estimate: '7d4e5f6a-7b8c-4d9e-9f0a-4b5c6d7e8f04',
  fullyPaid: '7e5f6a7b-8c9d-4e0f-8a1b-5c6d7e8f9a05',
};
const CLIENT = { ever: '2c5e7a10-4b3d-4f6e-9a1b-7d8c9e0f1a21', acme: '3d6f8b21-5c4e-4a7f-8b2c-8e9d0f1a2b32' };
const EXPENSE_A = '9a1b2c3d-4e5f-4a6b-8c7d-000000000001';
const EXPENSE_B = '9a1b2c3d-4e5f-4a6b-8c7d-000000000002';

usePackHarness({ plugin: invoicesPlugin, sandboxEntities: invoicesSandbox }, (opened) => ({ sandbox, admin, employee } = opened));

const ids = (outcome: { structured?: Item }) => ((outcome.structured?.items as Item[] | undefined) ?? []).map((item) => String(item.id));
const invoiceRow = (id: string) => sandbox.db.get('invoice', id);
const itemsOf = (id: string) => sandbox.db.list('invoiceItem').filter((item) => item.invoiceId === id);
const sent = (method: string, path: string) => sandbox.requests.filter((entry) => entry.method === method && entry.path === path);
const days = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const MINE = [INVOICES_TOOLSET, INVOICES_BULK_TOOLSET];

test('every reference tool of invoices is callable by its exact name: listed, an alias or a preset; the listed tools fit 9,100 bytes', async () => {
  const names = referenceToolNames('invoices');
  assert.equal(names.length, 14);
  const catalog = packCatalog([invoicesPlugin]);
  assert.deepEqual(names.filter((name) => !catalog.callable(name)), []);
  const mine = catalog.listed.filter((tool) => MINE.includes(tool.toolset));
  assert.deepEqual(mine.map((tool) => tool.name).sort(), [
    'bulk_create_invoices', 'create_invoice', 'delete_invoice', 'download_invoice_pdf', 'generate_invoice_link', 'get_highest_invoice_number', 'get_invoice_by_id',
    'get_invoice_items', 'list_invoices', 'send_invoice_email', 'update_invoice',
  ]);
  const bytes = mine.reduce((sum, tool) => sum + tool.bytes, 0);
  assert.ok(bytes <= 9_100, `the invoices tools take ${bytes} bytes`);
  assert.equal(mine.find((tool) => tool.name === 'bulk_create_invoices')?.toolset, INVOICES_BULK_TOOLSET);
  const aliases: Record<string, string> = {
    get_invoices: 'list_invoices', get_invoice_count: 'list_invoices', get_invoice: 'get_invoice_by_id',
    update_invoice_action: 'update_invoice', update_estimate_status: 'update_invoice',
  };
  for (const [alias, canonical] of Object.entries(aliases)) assert.ok(catalog.listed.find((tool) => tool.name === canonical)?.aliases.includes(alias), `${alias} is an alias of ${canonical}`);
  assert.equal(catalog.callable('download_invoice_payment_pdf'), 'preset');
  // No invoices toolset is on by default.
  assert.ok(invoicesPlugin.toolsets.filter((toolset) => MINE.includes(toolset.name)).every((toolset) => !toolset.default));
});

test('download_invoice_pdf hands over the PDF Gauzy renders as an embedded resource (its payments with of: payments), for the employee too; 404 for an unknown invoice', async () => {
  for (const [client, who] of [[admin, 'admin'], [employee, 'employee']] as const) {
    const result = await client.client.callTool({ name: 'download_invoice_pdf', arguments: { id: INVOICE.sentUnpaid } });
    assert.notEqual(result.isError, true, `${who}: ${JSON.stringify(result.content)}`);
    const [text, file] = result.content as Array<{ type: string; text?: string; resource?: { uri: string; mimeType: string; blob: string } }>;
    assert.equal(file?.type, 'resource');
    assert.equal(file!.resource!.mimeType, 'application/pdf');
    assert.equal(file!.resource!.uri, `gauzy://invoices/${INVOICE.sentUnpaid}/invoice.pdf`);
    const bytes = Buffer.from(file!.resource!.blob, 'base64');
    assert.equal(bytes.subarray(0, 8).toString('latin1'), '%PDF-1.3');
    assert.match(bytes.toString('latin1'), /Invoice 1001/);
    assert.equal((result.structuredContent as Item).bytes, bytes.length);
    assert.match(String(text!.text), new RegExp(`^Invoice-1001\\.pdf: invoice #1001 as a PDF of ${bytes.length} bytes`));
  }
  const payments = await admin.client.callTool({ name: 'download_invoice_payment_pdf', arguments: { id: INVOICE.partiallyPaid } });
  const blob = (payments.content as Array<{ resource?: { blob: string; uri: string } }>)[1]!.resource!;
  assert.match(Buffer.from(blob.blob, 'base64').toString('latin1'), /Payments of invoice 1002/);
  assert.match(blob.uri, /payments\.pdf$/);
  assert.equal(sent('GET', `/api/invoices/payment/download/${INVOICE.partiallyPaid}`).length, 1);
  const missing = await admin.call('download_invoice_pdf', { id: MISSING });
  assert.equal(missing.error?.status, 404);
  assert.deepEqual((await admin.call('download_invoice_pdf', { id: INVOICE.sentUnpaid, of: 'receipt' })).error?.fields, ['of']);
});

test('totals are worked out as Gauzy\'s invoice form does: items, percent or flat discount and taxes, discount after tax', () => {
  const items = [{ price: 75, quantity: 40 }, { price: 50, quantity: 10 }];
  assert.deepEqual(invoiceMoney(items, { tax: 10, taxType: 'PERCENT' }), { subtotal: 3500, discount: 0, tax: 350, total: 3850 });
  assert.deepEqual(invoiceMoney(items, { discountValue: 5, discountType: 'PERCENT', tax: 10, taxType: 'PERCENT', tax2: 20, tax2Type: 'FLAT' }), { subtotal: 3500, discount: 175, tax: 390, total: 3715 });
  // Flat values count once per item, as the form adds them; an item may be left untaxed.
  assert.deepEqual(invoiceMoney([{ price: 10, quantity: 3 }, { price: 5, quantity: 1, applyTax: false }], { tax: 2, taxType: 'FLAT', discountValue: 1, discountType: 'FLAT' }), { subtotal: 35, discount: 2, tax: 2, total: 35 });
  // Discount after tax: the percent is taken from subtotal + tax.
  assert.deepEqual(invoiceMoney([{ price: 100, quantity: 1 }], { discountValue: 10, discountType: 'PERCENT', tax: 20, taxType: 'PERCENT' }, true), { subtotal: 100, discount: 12, tax: 20, total: 108 });
  assert.equal(invoiceMoney([{ price: 10, quantity: 1 }], { discountValue: 50, discountType: 'FLAT' }).total, 0, 'never below zero');
  assert.equal(invoiceMoney([{ price: 0.1, quantity: 3 }], {}).total, 0.3, 'to the cent');
});

test('list_invoices: the organization\'s invoices and estimates with client, amount, status, dates; filters go to Gauzy\'s /pagination; sums per currency', async () => {
  sandbox.clearRequests();
  const all = await admin.call('list_invoices', {});
  assert.equal(all.isError, false, all.text);
  assert.deepEqual(new Set(ids(all)), new Set(Object.values(INVOICE)));
  assertTextAgrees(all.text, all.structured!);
  assert.match(all.text, new RegExp(`Invoice #1001 \\(id ${INVOICE.sentUnpaid}\\) · Ever Technologies \\(id ${CLIENT.ever}\\) · 3850.00 USD · SENT · dated ${days(-10)} · due ${days(20)} · unpaid`));
  assert.match(all.text, /Invoice #1002 .* · 1900.00 EUR · PARTIALLY_PAID .* · paid 500.00 EUR, due 1400.00 EUR/);
  assert.match(all.text, /Estimate #1004 .*Acme Retail/);
  assert.match(all.text, /On this page: .*USD \(unpaid 5050.00\)/);
  // Each listed invoice carries what its line says (a full row is some 1.5 KB on the real Gauzy), never its share token.
  const first = (all.structured!.items as Item[])[0]!;
  assert.equal(first.token, undefined);
  assert.equal(first.terms, undefined);
  assert.ok(JSON.stringify(all.structured!.items).length / 5 < 500);
  const asked = sent('GET', '/api/invoices/pagination').at(-1)!.query as { where: Item; relations: string[] };
  assert.deepEqual(asked.relations, ['toContact']);
  assert.equal(asked.where.organizationId, sandbox.seed.organizationId);

  assert.deepEqual(ids(await admin.call('list_invoices', { status: 'SENT', isEstimate: false })), [INVOICE.sentUnpaid]);
  assert.deepEqual(ids(await admin.call('list_invoices', { isEstimate: true })), [INVOICE.estimate]);
  assert.deepEqual(new Set(ids(await admin.call('list_invoices', { toContactId: CLIENT.acme }))), new Set([INVOICE.partiallyPaid, INVOICE.estimate]));
  // Overdue: not paid, due before now, not an estimate.
  sandbox.clearRequests();
  assert.deepEqual(ids(await admin.call('list_invoices', { overdue: true })), [INVOICE.partiallyPaid]);
  const overdue = sent('GET', '/api/invoices/pagination').at(-1)!.query as { where: Item };
  assert.equal((overdue.where.dueDate as Item).startDate, '1970-01-01T00:00:00.000Z');
  // Given one bound, the other is sent too: Gauzy would otherwise use the current month.
  const recent = await admin.call('list_invoices', { invoiceDateFrom: days(-15) });
  assert.deepEqual(new Set(ids(recent)), new Set([INVOICE.sentUnpaid, INVOICE.draft, INVOICE.estimate]));
  assert.deepEqual(ids(await admin.call('list_invoices', { invoiceDateFrom: days(-45), invoiceDateTo: days(-30) })), [INVOICE.partiallyPaid]);
  // The number is matched here (Gauzy's transform reads a number in `where` as true), and the answer says so.
  const numbered = await admin.call('list_invoices', { invoiceNumber: 1002 });
  assert.deepEqual(ids(numbered), [INVOICE.partiallyPaid]);
  assert.match(numbered.text, /cannot filter by invoice number, so 5 of 5 were read/);
  assertTextAgrees(numbered.text, numbered.structured!);
  // get_invoice_count is the list: its total.
  const count = await admin.call('get_invoice_count', { status: 'DRAFT' });
  assert.equal(count.structured!.total, 1);
  const page = await admin.call('get_invoices', { take: 2, skip: 2 });
  assert.equal((page.structured!.items as Item[]).length, 2);
  assert.equal(page.structured!.nextSkip, 4);

  const wrong = await admin.call('list_invoices', { status: 'PAID', toContactId: 'acme' });
  assert.deepEqual([...wrong.error!.fields!].sort(), ['status', 'toContactId']);
});

test('get_invoice_by_id: the invoice with its client, items and worked-out money; 404 for an unknown id', async () => {
  const found = await admin.call('get_invoice', { id: INVOICE.sentUnpaid });
  assert.equal(found.isError, false, found.text);
  assertTextAgrees(found.text, found.structured!);
  assert.match(found.text, /Website development \(id [0-9a-f-]+\) · 40 × 75.00 = 3000.00/);
  assert.match(found.text, /Subtotal 3500.00, discount 0.00, tax 350.00\./);
  assert.doesNotMatch(found.text, /Warning/);
  assert.deepEqual(found.structured!.computed, { subtotal: 3500, discount: 0, tax: 350, total: 3850 });
  assert.deepEqual(found.structured!.toContact, { id: CLIENT.ever, name: 'Ever Technologies' });
  assert.equal(found.structured!.token, undefined, 'the share token only through generate_invoice_link');
  const asked = sent('GET', `/api/invoices/${INVOICE.sentUnpaid}`).at(-1)!.query as Item;
  assert.deepEqual(JSON.parse(String(asked.data)), { relations: ['toContact', 'invoiceItems'] });

  const missing = await admin.call('get_invoice_by_id', { id: MISSING });
  assert.equal(missing.isError, true);
  assert.equal(missing.error?.status, 404, missing.text);
  assert.deepEqual((await admin.call('get_invoice_by_id', { id: 'x' })).error?.fields, ['id']);
});

test('get_invoice_items: an invoice\'s items, or the items billing an expense; one of the two is needed', async () => {
  const items = await admin.call('get_invoice_items', { invoiceId: INVOICE.estimate });
  assert.equal(items.isError, false, items.text);
  assert.deepEqual(new Set(ids(items)), new Set(itemsOf(INVOICE.estimate).map((item) => item.id)));
  assertTextAgrees(items.text, items.structured!);
  assert.match(items.text, /Workshop days .* 8 × 120.00 = 960.00/);
  const none = await admin.call('get_invoice_items', { expenseId: MISSING });
  assert.equal(none.structured!.total, 0);
  assert.deepEqual((await admin.call('get_invoice_items', {})).error?.fields, ['invoiceId']);
});

test('get_highest_invoice_number: Gauzy\'s highest over the whole table, and the next', async () => {
  const highest = await admin.call('get_highest_invoice_number', {});
  assert.equal(highest.isError, false, highest.text);
  const max = Math.max(...sandbox.db.list('invoice').map((row) => Number(row.invoiceNumber)));
  assert.deepEqual(highest.structured, { max, next: max + 1 });
});

test('create_invoice: invoice then items, the total worked out from the items, numbered highest + 1; items may bill expenses', async () => {
  sandbox.clearRequests();
  const before = Math.max(...sandbox.db.list('invoice').map((row) => Number(row.invoiceNumber)));
  const created = await admin.call('create_invoice', {
    toContactId: CLIENT.ever, invoiceDate: days(0), dueDate: days(30), currency: 'USD', tax: 10, taxType: 'PERCENT', discountValue: 20, discountType: 'FLAT',
    items: [
      { description: 'Flight to client', price: 420, quantity: 1, expenseId: EXPENSE_A },
      { description: 'Hotel', price: 95.5, quantity: 2, expenseId: EXPENSE_B, applyTax: false },
    ],
  });
  assert.equal(created.isError, false, created.text);
  assertTextAgrees(created.text, created.structured!);
  const id = String(created.structured!.id);
  const row = invoiceRow(id)!;
  // Subtotal 611; tax 10% of the taxed 420 = 42; flat discount 20 per item = 40: 613.
  assert.equal(row.totalValue, 613);
  assert.equal(row.amountDue, 613);
  assert.equal(row.invoiceNumber, before + 1);
  assert.equal(row.invoiceType, 'BY_EXPENSES');
  assert.equal(row.status, 'DRAFT');
  assert.equal(row.toContactId, CLIENT.ever);
  assert.equal(row.organizationId, sandbox.seed.organizationId);
  assert.equal(row.terms, '');
  assert.ok(String(row.token).startsWith('eyJ'), 'InvoiceSubscriber signs a token on insert');
  const items = itemsOf(id);
  assert.deepEqual(items.map((item) => [item.description, item.totalValue, item.expenseId, item.applyTax]).sort(), [
    ['Flight to client', 420, EXPENSE_A, true], ['Hotel', 191, EXPENSE_B, false],
  ]);
  assert.deepEqual(created.structured!.computed, { subtotal: 611, discount: 40, tax: 42, total: 613 });
  // The items went through the bulk route as its list, each with its invoice; the highest number was asked first.
  assert.equal(sent('GET', '/api/invoices/highest').length, 1);
  const bulk = sent('POST', `/api/invoice-item/bulk/${id}`);
  assert.equal(bulk.length, 1);
  assert.ok(Array.isArray(bulk[0]!.body) && (bulk[0]!.body as Item[]).every((item) => item.invoiceId === id));
  // The expense is now found as invoiced.
  assert.deepEqual(ids(await admin.call('get_invoice_items', { expenseId: EXPENSE_A })), [items.find((item) => item.expenseId === EXPENSE_A)!.id]);

  // An estimate, with its number given.
  const estimate = await admin.call('create_invoice', { toContactId: CLIENT.acme, invoiceDate: days(0), dueDate: days(14), currency: 'EUR', isEstimate: true, invoiceNumber: 5001, items: [{ price: 100, quantity: 3 }] });
  assert.equal(estimate.isError, false, estimate.text);
  assert.match(estimate.text, /^Created: Estimate #5001 .* 300.00 EUR · DRAFT/);
  assert.equal(invoiceRow(String(estimate.structured!.id))!.invoiceType, 'DETAILED_ITEMS');
  // The organization discounts after tax: a percent discount is taken from subtotal + tax (read only then).
  const organization = sandbox.db.get('organization', sandbox.seed.organizationId)!;
  organization.discountAfterTax = true;
  try {
    sandbox.clearRequests();
    const after = await admin.call('create_invoice', { toContactId: CLIENT.ever, invoiceDate: days(0), dueDate: days(14), currency: 'USD', tax: 20, taxType: 'PERCENT', discountValue: 10, discountType: 'PERCENT', items: [{ price: 100, quantity: 1 }] });
    assert.equal(after.isError, false, after.text);
    assert.equal(invoiceRow(String(after.structured!.id))!.totalValue, 108);
    assert.equal(sent('GET', `/api/organization/${sandbox.seed.organizationId}`).length, 1);
  } finally {
    organization.discountAfterTax = undefined;
  }
  // A hundred lines: the answer stays under 32 KB (each item keeps what its line says; the text lists 50).
  const many = Array.from({ length: 100 }, (_, index) => ({ description: `Line ${index + 1} of a long month-end invoice`, price: 12.5, quantity: 2, expenseId: EXPENSE_A }));
  const big = await admin.call('create_invoice', { toContactId: CLIENT.ever, invoiceDate: days(0), dueDate: days(14), currency: 'USD', items: many });
  assert.equal(big.isError, false, big.text);
  assert.equal(invoiceRow(String(big.structured!.id))!.totalValue, 2500);
  assert.ok(Buffer.byteLength(big.text) + Buffer.byteLength(JSON.stringify(big.structured)) < 32 * 1024);
  assert.match(big.text, /… and 50 more items in the structured result\./);
  assert.equal((big.structured!.invoiceItems as Item[]).length, 100);

  // A draft without items yet: 0.00, no item request.
  sandbox.clearRequests();
  const empty = await admin.call('create_invoice', { toContactId: CLIENT.acme, invoiceDate: days(0), dueDate: days(14), currency: 'EUR' });
  assert.equal(empty.isError, false, empty.text);
  assert.equal(invoiceRow(String(empty.structured!.id))!.totalValue, 0);
  assert.equal(invoiceRow(String(empty.structured!.id))!.invoiceType, 'DETAILED_ITEMS');
  assert.equal(sandbox.requests.filter((entry) => entry.path.startsWith('/api/invoice-item/bulk/')).length, 0);
});

test('create_invoice refuses what would be wrong money or dates, naming the field; Gauzy\'s refusals come back with a hint', async () => {
  const base = { toContactId: CLIENT.ever, invoiceDate: days(0), dueDate: days(30), currency: 'USD', items: [{ price: 10, quantity: 1 }] };
  assert.deepEqual((await admin.call('create_invoice', { ...base, items: [{ price: -5, quantity: 1 }] })).error?.fields, ['items.0.price']);
  assert.deepEqual((await admin.call('create_invoice', { ...base, items: [{ price: 5, quantity: -1 }] })).error?.fields, ['items.0.quantity']);
  assert.deepEqual((await admin.call('create_invoice', { ...base, items: [] })).error?.fields, ['items']);
  assert.deepEqual((await admin.call('create_invoice', { ...base, currency: 'XYZ' })).error?.fields, ['currency']);
  assert.deepEqual((await admin.call('create_invoice', { ...base, dueDate: days(-1) })).error?.fields, ['dueDate']);
  assert.deepEqual((await admin.call('create_invoice', { ...base, tax: 150, taxType: 'PERCENT' })).error?.fields, ['tax']);
  assert.deepEqual((await admin.call('create_invoice', { ...base, totalValue: 5 })).error?.fields, ['totalValue']);
  const count = sandbox.db.list('invoice').length;
  // Gauzy's database refuses a taken number or an unknown client with a bare 400 (only the driver's code): the hint names both.
  for (const refused of [{ ...base, invoiceNumber: 1001 }, { ...base, toContactId: MISSING }]) {
    const answer = await admin.call('create_invoice', refused);
    assert.equal(answer.isError, true);
    assert.equal(answer.error?.status, 400, answer.text);
    assert.match(answer.text, /invoice number is taken .*leave invoiceNumber out.*or toContactId is no client/);
  }
  assert.equal(sandbox.db.list('invoice').length, count);
});

test('create_invoice: when Gauzy refuses the items, the invoice is deleted again (no invoice whose total its items do not make)', async () => {
  const count = sandbox.db.list('invoice').length;
  const fault = sandbox.faults.add({ method: 'POST', path: /^\/api\/invoice-item\/bulk\//, status: 500, body: { statusCode: 500, message: 'Failed to create bulk invoice items: boom' } });
  const failed = await admin.call('create_invoice', { toContactId: CLIENT.ever, invoiceDate: days(0), dueDate: days(30), currency: 'USD', items: [{ price: 10, quantity: 1 }] });
  assert.equal(failed.isError, true);
  assert.match(failed.text, /Failed to create bulk invoice items/);
  assert.ok(!sandbox.faults.isPending(fault));
  assert.equal(sandbox.db.list('invoice').length, count);
});

test('bulk_create_invoices: each invoice reported, numbered in order; a bad one neither hides nor undoes the others', async () => {
  const start = Math.max(...sandbox.db.list('invoice').map((row) => Number(row.invoiceNumber)));
  const base = { invoiceDate: days(0), dueDate: days(30), currency: 'USD', items: [{ price: 100, quantity: 2, expenseId: EXPENSE_A }] };
  const outcome = await admin.call('bulk_create_invoices', {
    invoices: [{ ...base, toContactId: CLIENT.ever }, { ...base, toContactId: MISSING }, { ...base, toContactId: CLIENT.acme, tax: 5, taxType: 'FLAT' }],
  });
  assert.equal(outcome.isError, false, outcome.text);
  assert.equal(outcome.structured!.succeeded, 2);
  assert.equal(outcome.structured!.failed, 1);
  const results = outcome.structured!.results as Item[];
  assert.equal(results[1]!.ok, false);
  assert.match(JSON.stringify(results[1]!.error), /toContactId is no client/);
  assert.match(outcome.text, /#2 failed: .*invoice number is taken/);
  assert.match(outcome.text, /#1 ok: Invoice #\d+ · 200.00 USD/);
  const made = [results[0]!, results[2]!].map((result) => invoiceRow(String(result.id))!);
  assert.deepEqual(made.map((row) => row.totalValue), [200, 205]);
  assert.deepEqual(made.map((row) => row.invoiceNumber), [start + 1, start + 3]);
  assert.match(outcome.text, /Created 2 of 3 invoices; 1 failed/);
  const tooMany = await admin.call('bulk_create_invoices', { invoices: [] });
  assert.deepEqual(tooMany.error?.fields, ['invoices']);
  const badItem = await admin.call('bulk_create_invoices', { invoices: [{ ...base, toContactId: CLIENT.ever, items: [{ price: -1, quantity: 1 }] }] });
  assert.deepEqual(badItem.error?.fields, ['invoices.0.items.0.price']);
});

test('update_invoice: money and items through PUT /:id with the whole invoice and the total worked out again; status, archive and note through /action; accepting an estimate through /estimate', async () => {
  sandbox.clearRequests();
  const taxed = await admin.call('update_invoice', { id: INVOICE.partiallyPaid, tax: 10, taxType: 'PERCENT' });
  assert.equal(taxed.isError, false, taxed.text);
  // 2000 − 5% (100) + 10% (200) = 2100; 500 already paid.
  const row = invoiceRow(INVOICE.partiallyPaid)!;
  assert.equal(row.totalValue, 2100);
  assert.equal(row.amountDue, 1600);
  assert.equal(row.status, 'PARTIALLY_PAID');
  const put = sent('PUT', `/api/invoices/${INVOICE.partiallyPaid}`).at(-1)!.body as Item;
  for (const key of ['invoiceNumber', 'invoiceDate', 'dueDate', 'status', 'currency', 'discountValue', 'discountType', 'terms']) assert.ok(put[key] !== undefined, `PUT sends ${key}`);
  assertTextAgrees(taxed.text, taxed.structured!);

  const replaced = await admin.call('update_invoice', { id: INVOICE.draft, items: [{ description: 'Design review', price: 600, quantity: 1 }, { description: 'Icons', price: 150, quantity: 2 }] });
  assert.equal(replaced.isError, false, replaced.text);
  assert.equal(invoiceRow(INVOICE.draft)!.totalValue, 900);
  assert.deepEqual(itemsOf(INVOICE.draft).map((item) => item.description).sort(), ['Design review', 'Icons']);

  // Items Gauzy refuses (createBulk deletes the old ones first, then fails): the invoice and its old items are put back.
  const fault = sandbox.faults.add({ method: 'POST', path: `/api/invoice-item/bulk/${INVOICE.sentUnpaid}`, status: 500, body: { statusCode: 500, message: 'Failed to create bulk invoice items: SqliteError: FOREIGN KEY constraint failed' } });
  const refused = await admin.call('update_invoice', { id: INVOICE.sentUnpaid, items: [{ price: 1, quantity: 1, expenseId: MISSING }] });
  assert.equal(refused.isError, true);
  assert.ok(!sandbox.faults.isPending(fault));
  assert.match(refused.text, /FOREIGN KEY.*does not exist in Gauzy/s);
  assert.equal(invoiceRow(INVOICE.sentUnpaid)!.totalValue, 3850);
  assert.deepEqual(itemsOf(INVOICE.sentUnpaid).map((item) => item.totalValue).sort(), [3000, 500]);

  sandbox.clearRequests();
  const voided = await admin.call('update_invoice_action', { id: INVOICE.draft, status: 'VOID', internalNote: 'Client cancelled' });
  assert.equal(voided.isError, false, voided.text);
  assert.equal(invoiceRow(INVOICE.draft)!.status, 'VOID');
  assert.equal(invoiceRow(INVOICE.draft)!.internalNote, 'Client cancelled');
  assert.equal(sent('PUT', `/api/invoices/${INVOICE.draft}`).length, 0, 'no whole-body PUT for a status');
  assert.deepEqual(sent('PUT', `/api/invoices/${INVOICE.draft}/action`).at(-1)!.body, { status: 'VOID', internalNote: 'Client cancelled' });

  const accepted = await admin.call('update_estimate_status', { id: INVOICE.estimate, isAccepted: true, status: 'ACCEPTED' });
  assert.equal(accepted.isError, false, accepted.text);
  assert.equal(invoiceRow(INVOICE.estimate)!.isAccepted, true);
  assert.equal(invoiceRow(INVOICE.estimate)!.status, 'ACCEPTED');
  assert.deepEqual(sent('PUT', `/api/invoices/${INVOICE.estimate}/estimate`).at(-1)!.body, { isAccepted: true });

  assert.deepEqual((await admin.call('update_invoice', { id: INVOICE.sentUnpaid, isAccepted: true })).error?.fields, ['isAccepted']);
  assert.deepEqual((await admin.call('update_invoice', { id: INVOICE.sentUnpaid, status: 'ACCEPTED' })).error?.fields, ['status']);
  assert.deepEqual((await admin.call('update_invoice', { id: INVOICE.estimate, status: 'FULLY_PAID' })).error?.fields, ['status']);
  assert.deepEqual((await admin.call('update_invoice', { id: INVOICE.sentUnpaid })).error?.fields, ['(arguments)']);
  assert.deepEqual((await admin.call('update_invoice', { id: INVOICE.sentUnpaid, items: [{ price: 1, quantity: -2 }] })).error?.fields, ['items.0.quantity']);
  assert.deepEqual((await admin.call('update_invoice', { id: INVOICE.sentUnpaid, dueDate: '2000-01-01' })).error?.fields, ['dueDate']);
  const missing = await admin.call('update_invoice', { id: MISSING, status: 'SENT' });
  assert.equal(missing.error?.status, 404, missing.text);
});

test('delete_invoice: gone for good; its items stay without an invoice; an unknown id is not found', async () => {
  const made = await admin.call('create_invoice', { toContactId: CLIENT.ever, invoiceDate: days(0), dueDate: days(3), currency: 'USD', items: [{ price: 1, quantity: 1 }] });
  const id = String(made.structured!.id);
  const itemId = itemsOf(id)[0]!.id;
  const deleted = await admin.call('delete_invoice', { id });
  assert.equal(deleted.isError, false, deleted.text);
  assert.equal(invoiceRow(id), undefined);
  assert.equal(sandbox.db.get('invoiceItem', itemId)!.invoiceId, null);
  const again = await admin.call('delete_invoice', { id });
  assert.equal(again.isError, true);
  assert.equal(again.error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
});

test('send_invoice_email: Gauzy\'s mailer gets the invoice for the address (its PDF attached); a draft becomes SENT, other statuses stay', async () => {
  const made = await admin.call('create_invoice', { toContactId: CLIENT.ever, invoiceDate: days(0), dueDate: days(30), currency: 'USD', items: [{ price: 50, quantity: 1 }] });
  const id = String(made.structured!.id);
  sandbox.clearRequests();
  const mailed = await admin.call('send_invoice_email', { id, email: 'billing@ever-tech.example' });
  assert.equal(mailed.isError, false, mailed.text);
  assert.match(mailed.text, /handed to Gauzy's mailer for billing@ever-tech.example .*it is now SENT/);
  assert.equal(invoiceRow(id)!.status, 'SENT');
  const email = sandbox.db.list('sentInvoiceEmail').find((row) => row.invoiceId === id)!;
  assert.equal(email.email, 'billing@ever-tech.example');
  assert.equal(email.attachment, `Invoice-${String(invoiceRow(id)!.invoiceNumber)}.pdf`);
  const request = sandbox.requests.filter((entry) => entry.method === 'PUT' && entry.path.startsWith('/api/invoices/email/')).at(-1)!;
  assert.match(decodeURIComponent(request.path), /billing@ever-tech.example$/);
  const body = request.body as { params: Item };
  assert.equal(body.params.invoiceId, id);
  assert.equal(body.params.isEstimate, false);

  const paid = await admin.call('send_invoice_email', { id: INVOICE.fullyPaid, email: 'office@ever-tech.example' });
  assert.equal(paid.isError, false, paid.text);
  assert.equal(invoiceRow(INVOICE.fullyPaid)!.status, 'FULLY_PAID');
  assert.deepEqual((await admin.call('send_invoice_email', { id, email: 'not-an-address' })).error?.fields, ['email']);
  assert.equal((await admin.call('send_invoice_email', { id: MISSING, email: 'a@b.example' })).error?.status, 404);
});

test('generate_invoice_link: a token saved on the invoice and the web app path that opens it', async () => {
  const link = await admin.call('generate_invoice_link', { id: INVOICE.estimate });
  assert.equal(link.isError, false, link.text);
  const token = String(invoiceRow(INVOICE.estimate)!.token);
  assert.ok(token.length > 10);
  assert.equal(link.structured!.path, `/#/share/estimates/${INVOICE.estimate}/${token}`);
  assert.equal((await admin.call('generate_invoice_link', { id: MISSING })).error?.status, 404);
});

test('role matrix: Gauzy\'s EMPLOYEE role holds INVOICES_VIEW and INVOICES_EDIT, so an employee reads and writes the organization\'s invoices as the admin does; without the permission, 403', async () => {
  const theirs = await employee.call('list_invoices', {});
  const mine = await admin.call('list_invoices', {});
  assert.equal(theirs.isError, false, theirs.text);
  assert.deepEqual(new Set(ids(theirs)), new Set(ids(mine)));
  const made = await employee.call('create_invoice', { toContactId: CLIENT.acme, invoiceDate: days(0), dueDate: days(10), currency: 'EUR', items: [{ price: 30, quantity: 2 }] });
  assert.equal(made.isError, false, made.text);
  assert.equal(invoiceRow(String(made.structured!.id))!.totalValue, 60);

  // Gauzy narrows GET /api/invoice-item to the employee's own items; an invoice's items are read through the invoice.
  assert.equal((await employee.call('get_invoice_items', { invoiceId: INVOICE.sentUnpaid })).structured!.total, 2);
  const byExpense = await employee.call('get_invoice_items', { expenseId: EXPENSE_A });
  assert.equal(byExpense.structured!.total, 0);
  assert.match(byExpense.text, /only the items billed to their own employee/);
  assert.ok(((await admin.call('get_invoice_items', { expenseId: EXPENSE_A })).structured!.total as number) > 0);

  // Replacing items: Gauzy would delete only the employee's own old items and keep the rest, so it is refused before any change.
  const before = itemsOf(INVOICE.sentUnpaid).length;
  const replace = await employee.call('update_invoice', { id: INVOICE.sentUnpaid, items: [{ price: 1, quantity: 1 }] });
  assert.deepEqual(replace.error?.fields, ['items'], replace.text);
  assert.match(replace.text, /only the items billed to their own employee/);
  assert.equal(itemsOf(INVOICE.sentUnpaid).length, before);
  assert.equal(invoiceRow(INVOICE.sentUnpaid)!.totalValue, 3850);

  const role = sandbox.db.list('role').find((entry) => entry.name === 'EMPLOYEE' && entry.tenantId === sandbox.seed.tenantId)!;
  const permissions = role.permissions as string[];
  role.permissions = permissions.filter((permission) => permission !== 'INVOICES_EDIT');
  try {
    const refused = await employee.call('update_invoice', { id: String(made.structured!.id), status: 'SENT' });
    assert.equal(refused.isError, true);
    assert.equal(refused.error?.status, 403, refused.text);
    assert.match(refused.text, /Forbidden resource/);
    assert.equal((await employee.call('get_invoice_by_id', { id: INVOICE.draft })).isError, false, 'reading needs INVOICES_VIEW only');
    // The super admin keeps it.
    assert.equal((await admin.call('update_invoice', { id: String(made.structured!.id), status: 'SENT' })).isError, false);
  } finally {
    role.permissions = permissions;
  }
});

test('month-end flow through an MCP client: invoice the approved expenses of a client, check they are invoiced, email it and share a link', async () => {
  const client = await connectInMemory(createKernel({ plugins: [invoicesPlugin], inventory: { toolsets: [INVOICES_TOOLSET] }, log: silentLogger, ...kernelOptionsFor(sandbox, 'superAdmin') }).serverFactory);
  try {
    const names = (await client.listAllTools()).map((tool) => tool.name);
    assert.ok(names.includes('create_invoice') && !names.includes('bulk_create_invoices'));
    const expenses = [
      { description: 'Taxi', price: 35.2, quantity: 1, expenseId: '9a1b2c3d-4e5f-4a6b-8c7d-000000000011' },
      { description: 'Conference ticket', price: 299, quantity: 1, expenseId: '9a1b2c3d-4e5f-4a6b-8c7d-000000000012' },
    ];
    const created = await client.call('create_invoice', { toContactId: CLIENT.ever, invoiceDate: days(0), dueDate: days(15), currency: 'USD', items: expenses });
    assert.equal(created.isError, false, created.text);
    const id = String(created.structured!.id);
    assert.match(created.text, /334.20 USD · DRAFT/);
    const invoiced = await client.call('get_invoice_items', { expenseId: expenses[1]!.expenseId });
    assert.equal((invoiced.structured!.items as Item[])[0]!.invoiceId, id);
    const mailed = await client.call('send_invoice_email', { id, email: 'office@ever-tech.example' });
    assert.equal(mailed.isError, false, mailed.text);
    const link = await client.call('generate_invoice_link', { id });
    assert.match(String(link.structured!.path), new RegExp(`^/#/share/invoices/${id}/`));
    const listed = await client.call('list_invoices', { toContactId: CLIENT.ever, status: 'SENT' });
    assert.ok(ids(listed).includes(id));
    assertTextAgrees(listed.text, listed.structured!);
  } finally {
    await client.close();
  }
});
