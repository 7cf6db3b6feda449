import { randomBytes } from 'node:crypto';
import { gauzyReadsAsBoolean } from '@gauzy-mcp/core';
import { isUuid } from '../dto-validation.js';
import type { CallerContext, HandlerInput } from '../engine/context.js';
import { refuseUnknownRelation } from '../engine/crud-engine.js';
import { applyOrder, parseDataParam } from '../engine/query.js';
import { insertEntity, scopedRows, validateBaseQuery, validateBody } from '../engine/records.js';
import { requireCaller, type RouteRegistry } from '../engine/route-registry.js';
import { normalizeRelations, serialize } from '../engine/serialize.js';
import { badRequest, GauzyHttpError, invalidUuid, recordNotFound, routeNotFound } from '../http-errors.js';

/*
 * The invoice routes with logic of their own (packages/core/src/lib/invoice and invoice-item). Served only to a
 * sandbox taught the invoice entities (the invoices pack's `./sandbox`); GET /, /count, PUT /:id and DELETE /:id
 * come from the entities.
 */

const INVOICE = 'invoice';
const ITEM = 'invoiceItem';
/** What PUT /api/invoices/email/:email handed to Gauzy's mailer, for tests to read (not a Gauzy table). */
export const SENT_INVOICE_EMAILS = 'sentInvoiceEmail';

type Item = Record<string, unknown>;

function invoiceCaller(input: HandlerInput): CallerContext {
  if (!input.store.entities.has(INVOICE) || !input.store.entities.has(ITEM)) throw routeNotFound(input.request.method, input.request.url);
  return requireCaller(input);
}

/** UUIDValidationPipe. */
const uuidParam = (value: string | undefined): string => {
  if (!isUuid(value)) throw invalidUuid();
  return value!;
};

/** BaseQueryDTO's transform: every leaf that parses as JSON becomes `Boolean(JSON.parse(v))` (so a number becomes true). */
function transformed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(transformed);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, transformed(item)]));
  return typeof value === 'string' && gauzyReadsAsBoolean(value) ? Boolean(JSON.parse(value)) : value;
}

/** moment.utc(v).format('YYYY-MM-DD HH:mm:ss'): to the second. */
const toSecond = (value: unknown) => Math.floor(Date.parse(String(value)) / 1000) * 1000;

/** `Between(startDate, endDate)`, or the current month (UTC) when either is missing, as InvoiceService.pagination. */
function between(range: unknown): (value: unknown) => boolean {
  const { startDate, endDate } = (range ?? {}) as Item;
  const now = new Date();
  const [from, to] = startDate && endDate
    ? [toSecond(startDate), toSecond(endDate)]
    : [Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1), Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1) - 1000];
  return (value) => {
    const at = Date.parse(String(value));
    return at >= from && at <= to;
  };
}

/** The caller's invoice by id, or Gauzy's 404 (findOneByIdString). */
function findInvoice(input: HandlerInput, caller: CallerContext, id: string): Item & { id: string } {
  const row = scopedRows(input.store, INVOICE, caller).find((candidate) => candidate.id === id);
  if (!row) throw recordNotFound();
  return row;
}

/**
 * A save the database refused: the service answers `new BadRequestException(error)`, whose body is the driver
 * error's own properties and no message (the real Gauzy, SQLite: `{query, parameters, driverError: {code}, code}`).
 */
const saveFailed = (query: string, code: string) => new GauzyHttpError(400, { query, parameters: [], driverError: { code }, code });

/** A signed-looking token, as InvoiceSubscriber sets on insert and generateLink on demand. */
const token = () => `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${randomBytes(48).toString('base64url')}.${randomBytes(32).toString('base64url')}`;

/** The item columns that are foreign keys, and the table each points at. */
const ITEM_REFERENCES = { expenseId: 'expense', employeeId: 'employee', projectId: 'organizationProject', taskId: 'task', productId: 'product' } as const;

/** InvoiceItemDTO: price, quantity, totalValue (IsNumber) and invoiceId IsNotEmpty; the references are strings. */
const ITEM_DTO = {
  fields: {
    description: { type: 'string' as const },
    price: { type: 'number' as const, required: true },
    quantity: { type: 'number' as const, required: true },
    totalValue: { type: 'number' as const, required: true },
    invoiceId: { type: 'string' as const, required: true },
    taskId: { type: 'string' as const },
    employeeId: { type: 'string' as const },
    projectId: { type: 'string' as const },
    productId: { type: 'string' as const },
    expenseId: { type: 'string' as const },
    applyTax: { type: 'boolean' as const },
    applyDiscount: { type: 'boolean' as const },
  },
  tenantOrganization: true,
};

/** UpdateInvoiceActionDTO under `whitelist: true`. */
const ACTION_KEYS = ['status', 'isEstimate', 'internalNote', 'isArchived', 'paid', 'alreadyPaid', 'amountDue'] as const;

/** A small PDF naming the invoice, in place of the pdfmake document Gauzy renders (its bytes are not compared). */
function invoicePdf(title: string): Buffer {
  return Buffer.from(`%PDF-1.3\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Title (${title}) >> endobj\ntrailer << /Info 1 0 R >>\n%%EOF\n`, 'latin1');
}

export function registerInvoicesRoutes(registry: RouteRegistry): void {
  // GET /api/invoices/download/:uuid and /payment/download/:uuid: the invoice (or its payments) rendered as a PDF,
  // streamed with 202 and application/pdf; an unknown id is findOneByIdString's 404.
  for (const [template, what] of [['/api/invoices/download/:uuid', 'Invoice'], ['/api/invoices/payment/download/:uuid', 'Payments of invoice']] as const) {
    registry.serve('GET', template, (input) => {
      const caller = invoiceCaller(input);
      const invoice = findInvoice(input, caller, uuidParam(input.params.uuid));
      return { status: 202, contentType: 'application/pdf', body: invoicePdf(`${what} ${String(invoice.invoiceNumber)}`) };
    });
  }

  // GET /api/invoices/highest: COALESCE(MAX(invoiceNumber), 0) over the whole table (every tenant).
  registry.serve('GET', '/api/invoices/highest', (input) => {
    invoiceCaller(input);
    const numbers = input.store.list(INVOICE).map((row) => Number(row.invoiceNumber ?? 0));
    return { body: { max: numbers.length ? Math.max(0, ...numbers) : 0 } };
  });

  // InvoiceService.pagination: toContact → In, invoiceDate/dueDate → Between (the current month unless both bounds
  // are given), totalValue → min/max; the rest equality after BaseQueryDTO's transform; skip a 1-based page.
  registry.serve('GET', '/api/invoices/pagination', (input) => {
    const caller = invoiceCaller(input);
    validateBaseQuery(input.store, caller, input.query);
    const where = transformed(input.query.where ?? {}) as Item;
    const relations = normalizeRelations(input.query.relations);
    const refused = refuseUnknownRelation(input, INVOICE, relations, true);
    if (refused) return refused;
    const checks: Array<(row: Item) => boolean> = [];
    for (const [key, value] of Object.entries(where)) {
      if (key === 'tenantId') continue;
      if (key === 'toContact') {
        const ids = ([] as unknown[]).concat(value);
        checks.push((row) => ids.includes(row.toContactId));
      } else if (key === 'invoiceDate' || key === 'dueDate') {
        const within = between(value);
        checks.push((row) => within(row[key]));
      } else if (key === 'tags' || key === 'totalValue') {
        continue;
      } else {
        checks.push((row) => row[key] === value);
      }
    }
    const rows = applyOrder(scopedRows(input.store, INVOICE, caller).filter((row) => checks.every((check) => check(row))), input.query.order);
    const take = Number.parseInt(String(input.query.take ?? ''), 10) || rows.length;
    const pageNumber = Number.parseInt(String(input.query.skip ?? ''), 10) || 1;
    const items = rows.slice(take * (pageNumber - 1), take * pageNumber).map((row) => serialize(INVOICE, row, input.store, relations));
    return { body: { items, total: rows.length } };
  });

  // GET /api/invoices/:id reads `?data={"relations":[…],"findInput":…}` (ParseJsonPipe).
  registry.serve('GET', '/api/invoices/:id', (input) => {
    const caller = invoiceCaller(input);
    const id = uuidParam(input.params.id);
    const data = parseDataParam(input.query.data);
    const relations = normalizeRelations(data.relations);
    const refused = refuseUnknownRelation(input, INVOICE, relations, false);
    if (refused) return refused;
    return { body: serialize(INVOICE, findInvoice(input, caller, id), input.store, relations) };
  });

  // POST /api/invoices: CreateInvoiceDTO, then a save; invoiceNumber is unique over the table, terms and
  // discountValue are NOT NULL columns the DTO leaves optional.
  registry.serve('POST', '/api/invoices', (input) => {
    const caller = invoiceCaller(input);
    const spec = input.store.entities.get(INVOICE)!;
    const body = validateBody(input.store, caller, input.body, spec.create!);
    const data = spec.fromBody ? spec.fromBody(body) : { ...body };
    for (const key of ['id', 'tenantId', 'tenant', 'organization', 'createdAt', 'updatedAt', 'deletedAt']) delete data[key];
    const insert = 'INSERT INTO "invoice"(…) VALUES (…)';
    if (input.store.list(INVOICE).some((row) => Number(row.invoiceNumber) === Number(data.invoiceNumber))) {
      throw saveFailed(insert, 'SQLITE_CONSTRAINT_UNIQUE');
    }
    for (const column of ['terms', 'discountValue']) {
      if (data[column] === undefined || data[column] === null) throw saveFailed(insert, 'SQLITE_CONSTRAINT_NOTNULL');
    }
    if (data.toContactId && !input.store.get('organizationContact', String(data.toContactId))) {
      throw saveFailed(insert, 'SQLITE_CONSTRAINT_FOREIGNKEY');
    }
    const row = insertEntity(input.store, INVOICE, { ...data, token: token() }, { tenantId: caller.tenantId, organizationId: String(data.organizationId), createdByUserId: String(caller.user.id) });
    return { body: { ...serialize(INVOICE, row, input.store), tenant: { id: caller.tenantId } } };
  });

  // DELETE /api/invoices/:id: the items' and payments' invoiceId become null (onDelete SET NULL).
  registry.serve('DELETE', '/api/invoices/:id', (input) => {
    const caller = invoiceCaller(input);
    const id = uuidParam(input.params.id);
    const row = scopedRows(input.store, INVOICE, caller).find((candidate) => candidate.id === id);
    if (!row) return { body: { raw: [], affected: 0 } };
    input.store.remove(INVOICE, id);
    for (const table of [ITEM, 'payment']) for (const linked of input.store.list(table)) if (linked.invoiceId === id) linked.invoiceId = null;
    return { body: { raw: [], affected: 1 } };
  });

  // PUT /:id/action and /:id/estimate go through InvoiceUpdateCommand: `create({ id, ...body })`, a save of the
  // whitelisted keys. An unknown id would be inserted, and fails on the NOT NULL columns.
  const savePartial = (input: HandlerInput, keys: readonly string[]) => {
    const caller = invoiceCaller(input);
    const id = uuidParam(input.params.id);
    const row = scopedRows(input.store, INVOICE, caller).find((candidate) => candidate.id === id);
    if (!row) throw saveFailed('INSERT INTO "invoice"(…) VALUES (…)', 'SQLITE_CONSTRAINT_NOTNULL');
    const change = Object.fromEntries(keys.filter((key) => input.body[key] !== undefined).map((key) => [key, input.body[key]]));
    Object.assign(row, change, { updatedAt: new Date().toISOString() });
    return { body: { id, ...change, tenantId: caller.tenantId } };
  };
  registry.serve('PUT', '/api/invoices/:id/action', (input) => {
    const dto = {
      fields: {
        status: { type: 'string' as const, enum: [...new Set(['DRAFT', 'SENT', 'VIEWED', 'FULLY_PAID', 'PARTIALLY_PAID', 'OVERPAID', 'VOID', 'ACCEPTED', 'REJECTED'])] },
        isEstimate: { type: 'boolean' as const }, internalNote: { type: 'string' as const }, isArchived: { type: 'boolean' as const },
        paid: { type: 'boolean' as const }, alreadyPaid: { type: 'number' as const }, amountDue: { type: 'number' as const },
      },
    };
    validateBody(input.store, invoiceCaller(input), input.body, dto);
    return savePartial(input, ACTION_KEYS);
  });
  registry.serve('PUT', '/api/invoices/:id/estimate', (input) => {
    validateBody(input.store, invoiceCaller(input), input.body, { fields: { isAccepted: { type: 'boolean', required: true } } });
    return savePartial(input, ['isAccepted']);
  });

  // PUT /api/invoices/email/:email: InvoiceService.sendEmail mails the PDF and catches its own failures; 202, no body.
  registry.serve('PUT', '/api/invoices/email/:email', (input) => {
    const caller = invoiceCaller(input);
    const params = ((input.body.params ?? {}) as Item);
    const invoice = scopedRows(input.store, INVOICE, caller).find((row) => row.id === params.invoiceId);
    if (invoice) {
      insertEntity(input.store, SENT_INVOICE_EMAILS, {
        email: input.params.email, invoiceId: invoice.id, invoiceNumber: params.invoiceNumber, isEstimate: params.isEstimate === true,
        attachment: `${params.isEstimate ? 'Estimate' : 'Invoice'}-${String(params.invoiceNumber)}.pdf`,
      }, { tenantId: caller.tenantId, organizationId: String(params.organizationId ?? invoice.organizationId) });
    }
    return { body: undefined };
  });

  // PUT /api/invoices/generate/:uuid: a signed token saved on the invoice; an unknown id is a 400 (BadRequestException(NotFound)).
  registry.serve('PUT', '/api/invoices/generate/:uuid', (input) => {
    const caller = invoiceCaller(input);
    const id = uuidParam(input.params.uuid);
    const row = scopedRows(input.store, INVOICE, caller).find((candidate) => candidate.id === id);
    if (!row) throw new GauzyHttpError(400, { statusCode: 400, message: 'The requested record was not found', error: 'Bad Request' });
    row.token = token();
    return { body: { id, token: row.token, tenantId: caller.tenantId } };
  });

  // POST /api/invoice-item/bulk/:invoiceId: the body is the list (BulkBodyLoadTransformPipe), each an
  // InvoiceItemDTO; the invoice's items are deleted, then the list saved.
  registry.serve('POST', '/api/invoice-item/bulk/:invoiceId', (input) => {
    const caller = invoiceCaller(input);
    const invoiceId = uuidParam(input.params.invoiceId);
    const list = Array.isArray(input.body) ? (input.body as Item[]) : [];
    const messages: string[] = [];
    list.forEach((item, index) => {
      try {
        validateBody(input.store, caller, item, ITEM_DTO);
      } catch (error) {
        const message = (error as GauzyHttpError).body as { message?: unknown };
        for (const text of ([] as unknown[]).concat(message?.message ?? [])) messages.push(`list.${index}.${String(text)}`);
      }
    });
    if (messages.length) throw badRequest(messages);
    // A reference to no row fails the insert, which createBulk answers as a 500 with the driver's message (seen on the
    // real Gauzy); only tables this sandbox knows are checked.
    // The old items are deleted first, outside any transaction: a failing insert leaves the invoice without items.
    // TenantAwareCrudService.delete narrows a caller without CHANGE_SELECTED_EMPLOYEE to items with their
    // employeeId, so an employee's call leaves the other old items in place (seen on the real Gauzy).
    const deletable = (row: Item) => row.invoiceId === invoiceId && row.tenantId === caller.tenantId && (!caller.selfScoped || row.employeeId === caller.employee?.id);
    for (const row of input.store.list(ITEM).filter(deletable)) input.store.remove(ITEM, row.id);
    const dangling = list.some((item) => Object.entries(ITEM_REFERENCES).some(([key, table]) => item[key] && input.store.entities.has(table) && !input.store.get(table, String(item[key]))));
    if (dangling) throw new GauzyHttpError(500, { statusCode: 500, message: 'Failed to create bulk invoice items: SqliteError: FOREIGN KEY constraint failed' });
    const saved = list.map((item) => {
      const { id: _id, tenantId: _tenant, ...data } = item;
      return serialize(ITEM, insertEntity(input.store, ITEM, data, { tenantId: caller.tenantId, organizationId: String(item.organizationId), createdByUserId: String(caller.user.id) }), input.store);
    });
    return { body: saved };
  });
}
