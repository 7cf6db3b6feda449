import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  createKernel,
  crudToolName,
  silentLogger,
  toJsonSchema,
  type CrudToolKind,
  type EntityDefinition,
  type PluginDefinition,
  type SandboxEntity,
  type ToolDefinition,
} from '@gauzy-mcp/core';
import { kernelOptionsFor } from './kernel-options.js';
import { connectInMemory, type TestClient, type ToolCallOutcome } from './mcp-client.js';
import { assertRelationsResolve } from './relations-check.js';
import { assertTextAgrees } from './text-agreement.js';
import { DEFAULT_ROLE_PERMISSIONS } from './role-permissions.js';
import { gauzyRoutes, type GauzyRoute } from './route-table.js';
import { createSandbox, type Sandbox, type SandboxOptions } from './sandbox.js';
import type { SeedInfo } from './seed.js';
import type { Row } from './store.js';

/**
 * The conformance suite of one entity: what every derived CRUD tool must do against the sandbox, derived
 * from the entity's description and the plugin's tools. Each check is a plain async function over a
 * harness, so a test can run one against a deliberately broken plugin and see it fail;
 * {@link crudConformance} registers them all as node:test tests.
 */

type Args = Record<string, unknown>;
type Item = Record<string, unknown>;

/** Arguments for a tool, fixed or computed from the seed (ids of seeded projects, employees, ...). */
export type ConformanceArgs = Args | ((seed: SeedInfo) => Args);

export interface CrudConformanceOptions {
  entity: EntityDefinition;
  plugin: PluginDefinition;
  /** What the sandbox must learn to serve the entity (`createSandbox({ entities })`). */
  sandboxEntities?: ReadonlyArray<SandboxEntity | EntityDefinition>;
  sample: {
    /** Valid arguments for `create_<noun>`; each value must land in the stored row under the same key. */
    create: ConformanceArgs;
    /** A change for `update_<noun>` (without `id`); each value must land in the stored row under the same key. */
    update: ConformanceArgs;
  };
  /** The toolset the entity's tools are in, when the plugin has several (default: every toolset is served). */
  toolset?: string;
  /** Columns Gauzy's update sets itself besides updatedAt/updatedByUserId (e.g. a time log's editedAt). */
  setByUpdate?: readonly string[];
  /** Tools a pack keeps under older names than the rule's (reference names), by kind. */
  names?: Partial<Record<CrudToolKind, string>>;
}

export interface ConformanceHarness {
  sandbox: Sandbox;
  /** Signed in as the seed's super admin. */
  admin: TestClient;
  /** Signed in as the seed's employee (Gauzy's default EMPLOYEE role). */
  employee: TestClient;
  close(): Promise<void>;
}

export interface ConformanceCheck {
  name: string;
  /** The derived tools the check calls. */
  kinds: readonly CrudToolKind[];
  run(harness: ConformanceHarness): Promise<void>;
}

const KINDS: readonly CrudToolKind[] = ['list', 'pagination', 'get', 'count', 'create', 'bulkCreate', 'update', 'bulkUpdate', 'delete', 'bulkDelete', 'archive', 'restore'];
/** Columns a write legitimately changes whatever the change was. */
const BOOKKEEPING = new Set(['updatedAt', 'updatedByUserId']);
/** Walks longer than this take bigger pages, so a large seed still pages in a bounded number of calls. */
const MAX_WALK_CALLS = 30;
const NOT_ONE_OF_THEM = 'not-a-gauzy-value';

/** A sandbox (taught the entity when `sandboxEntities` is given) and two real MCP clients over the plugin. */
export async function openConformanceHarness(options: Pick<CrudConformanceOptions, 'plugin' | 'sandboxEntities' | 'toolset'>): Promise<ConformanceHarness> {
  const sandboxOptions: SandboxOptions = { seed: 'demo', ...(options.sandboxEntities ? { entities: options.sandboxEntities } : {}) };
  const sandbox = await createSandbox(sandboxOptions);
  const connect = (user: 'superAdmin' | 'employee') =>
    connectInMemory(createKernel({ plugins: [options.plugin], log: silentLogger, inventory: { toolsets: [options.toolset ?? 'all'] }, ...kernelOptionsFor(sandbox, user) }).serverFactory);
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

/**
 * A pack test's setup in one call: the harness opens before the file's tests (a demo sandbox taught the pack's
 * entities, an admin and an employee client over every toolset) and closes after them; `use` receives it, e.g.
 * `usePackHarness({ plugin, sandboxEntities }, (opened) => ({ sandbox, admin, employee } = opened))`.
 */
export function usePackHarness(options: Pick<CrudConformanceOptions, 'plugin' | 'sandboxEntities' | 'toolset'>, use: (harness: ConformanceHarness) => void): void {
  let harness: ConformanceHarness | undefined;
  before(async () => {
    harness = await openConformanceHarness(options);
    use(harness);
  });
  after(async () => {
    await harness?.close();
  });
}

/** The derived tools the plugin actually has, by kind (found by the name rule). */
/** The name the suite calls a kind's tool by: the pack's own where it keeps one, else the rule's. */
const toolNameOf = (options: Pick<CrudConformanceOptions, 'entity' | 'names'>, kind: CrudToolKind) => options.names?.[kind] ?? crudToolName(options.entity, kind);

export function derivedTools(options: Pick<CrudConformanceOptions, 'entity' | 'plugin' | 'toolset' | 'names'>): Partial<Record<CrudToolKind, ToolDefinition>> {
  const found: Partial<Record<CrudToolKind, ToolDefinition>> = {};
  for (const kind of KINDS) {
    const name = toolNameOf(options, kind);
    const tool = options.plugin.tools.find((candidate) => candidate.name === name && (!options.toolset || candidate.toolset === options.toolset));
    if (tool) found[kind] = tool;
  }
  return found;
}

/** Every check the entity's description and the plugin's tools call for; a kind the plugin lacks yields none. */
export function conformanceChecks(options: CrudConformanceOptions): ConformanceCheck[] {
  const { entity } = options;
  const tools = derivedTools(options);
  const name = (kind: CrudToolKind) => toolNameOf(options, kind);
  const sampleOf = (which: 'create' | 'update', seed: SeedInfo): Args => {
    const sample = options.sample[which];
    return typeof sample === 'function' ? sample(seed) : { ...sample };
  };
  const create = (h: ConformanceHarness) => createRow(h.admin, name('create'), sampleOf('create', h.sandbox.seed));
  const checks: ConformanceCheck[] = [];
  const add = (check: ConformanceCheck) => checks.push(check);

  if (tools.create) {
    add({
      name: `${name('create')} stores one new ${entity.name} row with the sample's values in the caller's organization`,
      kinds: ['create'],
      async run(h) {
        const sample = sampleOf('create', h.sandbox.seed);
        const before = h.sandbox.db.count(entity.name);
        const id = await createRow(h.admin, name('create'), sample);
        assert.equal(h.sandbox.db.count(entity.name), before + 1, 'exactly one row was added');
        const row = h.sandbox.db.get(entity.name, id);
        assert.ok(row, `the sandbox has no ${entity.name} ${id}`);
        assert.equal(row.tenantId, h.sandbox.seed.tenantId);
        if (entity.scope === 'organization') assert.equal(row.organizationId, h.sandbox.seed.organizationId);
        assertStored(row, sample, name('create'));
      },
    });

    const schema = publishedInput(tools.create);
    const required = requiredFields(entity, schema);
    const enums = enumFields(entity, schema);
    if (required.length || enums.length) {
      add({
        name: `${name('create')} names the field of invalid arguments (missing: ${required.join(', ') || 'none'}; enums: ${enums.join(', ') || 'none'}) and sends Gauzy nothing`,
        kinds: ['create'],
        async run(h) {
          const sample = sampleOf('create', h.sandbox.seed);
          for (const field of required) {
            const { [field]: _dropped, ...rest } = sample;
            await assertRejectedNamingField(h, name('create'), rest, field);
          }
          for (const field of enums) await assertRejectedNamingField(h, name('create'), { ...sample, [field]: NOT_ONE_OF_THEM }, field);
        },
      });
    }
    const updateEnums = tools.update ? enumFields(entity, publishedInput(tools.update)) : [];
    if (tools.update && updateEnums.length) {
      add({
        name: `${name('update')} names a wrong enum value (${updateEnums.join(', ')}) and sends Gauzy nothing`,
        kinds: ['create', 'update'],
        async run(h) {
          const id = await create(h);
          for (const field of updateEnums) await assertRejectedNamingField(h, name('update'), { id, [field]: NOT_ONE_OF_THEM }, field);
        },
      });
    }
  }

  for (const kind of ['get', 'update', 'delete'] as const) {
    if (!tools[kind]) continue;
    add({
      name: `${name(kind)} answers a missing id as not found`,
      kinds: [kind],
      async run(h) {
        const missing = randomUUID();
        const args = kind === 'update' ? { ...sampleOf('update', h.sandbox.seed), id: missing } : { id: missing };
        const outcome = await h.admin.call(name(kind), args);
        assertNotFound(outcome, `${name(kind)} of a missing id`);
      },
    });
  }

  const employeePermissions = new Set(DEFAULT_ROLE_PERMISSIONS.EMPLOYEE);
  for (const kind of KINDS) {
    const tool = tools[kind];
    if (!tool) continue;
    const refusing = refusingRoutes(tool, employeePermissions);
    add({
      name: tool.retired
        ? `${tool.name} as the employee: GMCP_ERR_TOOL_RETIRED, not a 403 (it calls no route)`
        : refusing.length
          ? `${tool.name} as the employee: Gauzy's 403 (${refusing.map((r) => `${r.route} needs ${r.permissions.join(' or ')}`).join('; ')})`
          : `${tool.name} as the employee: not refused (the employee role has every permission its routes need)`,
      kinds: [kind],
      async run(h) {
        const needsRow = ['get', 'update', 'bulkUpdate', 'delete', 'bulkDelete', 'archive', 'restore'].includes(kind);
        // Refusals are shown on the admin's row, which no guard lets the employee through for (a project
        // manager passes ProjectManagerOrPermissionGuard); the rest on the employee's own, which they can see.
        const owner = refusing.length ? 'admin' : 'employee';
        const id = needsRow ? await createRowAs(h, owner, tools.create ? name('create') : undefined, () => sampleOf('create', h.sandbox.seed)) : undefined;
        const outcome = await h.employee.call(tool.name, employeeArgs(kind, tool, id, () => sampleOf('create', h.sandbox.seed), () => sampleOf('update', h.sandbox.seed)));
        if (tool.retired) assert.equal(outcome.error?.code, 'GMCP_ERR_TOOL_RETIRED', outcome.text);
        else if (refusing.length) assertForbidden(outcome, tool.name);
        else assert.equal(isForbidden(outcome), false, `${tool.name}: refused the employee although the role has the permissions: ${outcome.text}`);
      },
    });
  }

  if (tools.list && entity.include.length && tools.create) {
    add({
      name: `every include path (${entity.include.join(', ')}) resolves through ${[name('list'), tools.get ? name('get') : ''].filter(Boolean).join(' and ')}`,
      kinds: tools.get ? ['create', 'list', 'get'] : ['create', 'list'],
      async run(h) {
        // Each tool is asked for the paths it offers (a list route may join one level only), and every include
        // path must be offered by one of them: the entity's include is what the pack promises.
        const offeredByList = offeredRelations(tools.list!);
        const offeredByGet = tools.get ? offeredRelations(tools.get) : [];
        const unoffered = entity.include.filter((path) => !offeredByList.includes(path) && !offeredByGet.includes(path));
        assert.deepEqual(unoffered, [], `include paths no tool offers: ${unoffered.join(', ')}`);
        for (const path of [...offeredByList, ...offeredByGet]) assert.ok(entity.include.includes(path), `a tool offers "${path}", which the entity does not include`);
        // The newest row comes first in the list, so the relations are checked on a row this suite made.
        const id = await create(h);
        await assertRelationsResolve(h.admin, offeredByList, { list: [name('list')] });
        if (tools.get) await assertRelationsResolve(h.admin, offeredByGet, { list: [], get: name('get'), id });
      },
    });
  }

  for (const kind of ['list', 'pagination'] as const) {
    if (!tools[kind]) continue;
    add({
      name: `${name(kind)}: following nextSkip from 0 visits every ${entity.name} row of the organization once, as many as total`,
      kinds: tools.create ? [kind, 'create'] : [kind],
      async run(h) {
        if (tools.create) for (let rows = await listTotal(h.admin, name(kind)); rows < 3; rows++) await create(h);
        await assertPagingReachesEveryRow(h, entity, name(kind));
      },
    });
  }

  if (tools.list || tools.get) {
    add({
      name: `${[tools.list && name('list'), tools.get && name('get')].filter(Boolean).join(' and ')} answer text that names each record and agrees with the structured content`,
      kinds: [...(tools.list ? (['list'] as const) : []), ...(tools.get ? (['get'] as const) : []), ...(tools.create ? (['create'] as const) : [])],
      async run(h) {
        // Issue #14: a text-only client sees the same facts as a structured one, and every record by its id.
        const id = tools.create ? await create(h) : undefined;
        if (tools.list) {
          const page = await h.admin.call(name('list'), { take: 5 });
          assert.equal(page.isError, false, page.text);
          assertTextAgrees(page.text, page.structured!);
          for (const item of (page.structured!.items as Item[] | undefined) ?? []) assert.ok(page.text.includes(String(item.id)), `${name('list')}: row ${String(item.id)} is not named in the text`);
        }
        const one = id ?? (tools.list ? String(((await h.admin.call(name('list'), { take: 1 })).structured?.items as Item[] | undefined)?.[0]?.id ?? '') : '');
        if (tools.get && one) {
          const got = await h.admin.call(name('get'), { id: one });
          assert.equal(got.isError, false, got.text);
          assertTextAgrees(got.text, got.structured!);
          assert.ok(got.text.includes(one), `${name('get')}: the text does not name ${one}`);
        }
      },
    });
  }

  if (tools.update && tools.create) {
    add({
      name: `${name('update')} changes only the given fields in the sandbox state and keeps the others`,
      kinds: ['create', 'update'],
      async run(h) {
        const id = await create(h);
        const before = structuredClone(h.sandbox.db.get(entity.name, id)!);
        const change = sampleOf('update', h.sandbox.seed);
        const outcome = await h.admin.call(name('update'), { id, ...change });
        assert.equal(outcome.isError, false, outcome.text);
        const after = h.sandbox.db.get(entity.name, id);
        assert.ok(after, `${entity.name} ${id} is gone after the update`);
        assertStored(after, change, name('update'));
        for (const [column, value] of Object.entries(before)) {
          if (column in change || BOOKKEEPING.has(column) || options.setByUpdate?.includes(column)) continue;
          assert.deepEqual(after[column], value, `${name('update')} changed ${column}, which the change did not name`);
        }
      },
    });
  }

  if (tools.count && tools.list) {
    add({
      name: `${name('count')} matches the total of ${name('list')}`,
      kinds: ['count', 'list'],
      async run(h) {
        const count = await h.admin.call(name('count'), {});
        assert.equal(count.isError, false, count.text);
        assert.equal(count.structured!.count, await listTotal(h.admin, name('list')));
      },
    });
  }

  if (tools.archive && tools.create) {
    const recover = entity.softDelete?.recover === true;
    add({
      name: `${name('archive')} hides the row from ${[tools.list && name('list'), tools.get && name('get')].filter(Boolean).join(' and ') || 'lists'}; ${
        tools.restore ? (recover ? `${name('restore')} brings it back` : `${name('restore')} answers GMCP_ERR_TOOL_RETIRED`) : 'no restore tool'
      }${tools.count && tools.list ? '; count follows the list total' : ''}`,
      kinds: ['create', 'archive', ...(tools.restore ? (['restore'] as const) : []), ...(tools.list ? (['list'] as const) : []), ...(tools.get ? (['get'] as const) : []), ...(tools.count ? (['count'] as const) : [])],
      async run(h) {
        const id = await create(h);
        const visible = async (expected: boolean, moment: string) => {
          if (tools.list) {
            const listed = await listIds(h.admin, name('list'));
            assert.equal(listed.ids.includes(id), expected, `${moment}: ${name('list')} ${expected ? 'lacks' : 'still shows'} ${id}`);
            if (tools.count) assert.equal((await h.admin.call(name('count'), {})).structured!.count, listed.total, `${moment}: count and list total differ`);
          }
          if (tools.get) {
            const one = await h.admin.call(name('get'), { id });
            if (expected) assert.equal(one.isError, false, `${moment}: ${one.text}`);
            else assertNotFound(one, `${moment}: ${name('get')}`);
          }
        };
        await visible(true, 'before archiving');
        const archived = await h.admin.call(name('archive'), { id });
        assert.equal(archived.isError, false, archived.text);
        assert.equal(archived.structured!.recoverable, recover);
        assert.ok(h.sandbox.db.get(entity.name, id)?.deletedAt, 'the row is soft-deleted, not removed');
        await visible(false, 'after archiving');
        if (!tools.restore) return;
        h.sandbox.clearRequests();
        const restored = await h.admin.call(name('restore'), { id });
        if (recover) {
          assert.equal(restored.isError, false, restored.text);
          assert.ok(!h.sandbox.db.get(entity.name, id)?.deletedAt, 'the row is live again');
          await visible(true, 'after restoring');
        } else {
          assert.equal(restored.error?.code, 'GMCP_ERR_TOOL_RETIRED', restored.text);
          assert.equal(h.sandbox.requests.length, 0, 'a retired restore sends Gauzy nothing');
          assert.ok(h.sandbox.db.get(entity.name, id)?.deletedAt, 'still archived');
        }
      },
    });
  }
  return checks;
}

/**
 * Registers the entity's conformance suite as node:test tests, each against one shared sandbox, ending with
 * a test that the suite covers every derived tool the plugin has.
 */
export function crudConformance(options: CrudConformanceOptions): void {
  const checks = conformanceChecks(options);
  describe(`${options.entity.name} conformance (${options.entity.path})`, () => {
    let harness: ConformanceHarness;
    before(async () => {
      harness = await openConformanceHarness(options);
    });
    after(async () => {
      await harness?.close();
    });
    for (const check of checks) test(check.name, () => check.run(harness));
    test('the suite exercises every derived tool the plugin has', (t) => {
      const present = KINDS.filter((kind) => derivedTools(options)[kind]);
      assert.ok(checks.length > 0, 'no checks were generated');
      assert.ok(present.length > 0, `the plugin has none of ${options.entity.name}'s derived tools`);
      const covered = new Set(checks.flatMap((check) => check.kinds));
      assert.deepEqual(present.filter((kind) => !covered.has(kind)), [], 'derived tools no check calls');
      t.diagnostic(`${checks.length} checks over ${present.map((kind) => toolNameOf(options, kind)).join(', ')}`);
    });
  });
}

async function createRow(client: TestClient, tool: string, args: Args): Promise<string> {
  const outcome = await client.call(tool, args);
  assert.equal(outcome.isError, false, `${tool}: ${outcome.text}`);
  const id = outcome.structured?.id;
  assert.equal(typeof id, 'string', `${tool} answered no id`);
  return String(id);
}

/** A row made by `owner` (the admin's where the employee may not create); a random id without a create tool. */
async function createRowAs(h: ConformanceHarness, owner: 'admin' | 'employee', createTool: string | undefined, sample: () => Args): Promise<string> {
  if (!createTool) return randomUUID();
  if (owner === 'employee') {
    const own = await h.employee.call(createTool, sample());
    if (!own.isError && typeof own.structured?.id === 'string') return own.structured.id;
  }
  return createRow(h.admin, createTool, sample());
}

function employeeArgs(kind: CrudToolKind, tool: ToolDefinition, id: string | undefined, create: () => Args, update: () => Args): Args {
  const itemsField = Object.keys(tool.input.shape)[0] ?? 'items';
  switch (kind) {
    case 'list':
    case 'pagination':
    case 'count':
      return {};
    case 'create':
      return create();
    case 'bulkCreate':
      return { [itemsField]: [create()] };
    case 'update':
      return { id, ...update() };
    case 'bulkUpdate':
      return { [itemsField]: [{ id, ...update() }] };
    case 'bulkDelete':
      return { [itemsField]: [id] };
    case 'get':
    case 'delete':
    case 'archive':
    case 'restore':
      return { id };
  }
}

/** The tool's routes whose permissions (any-of) the role lacks all of. */
function refusingRoutes(tool: ToolDefinition, permissions: ReadonlySet<string>): Array<{ route: string; permissions: string[] }> {
  const refusing: Array<{ route: string; permissions: string[] }> = [];
  for (const route of tool.routes) {
    const [method, path] = route.split(' ') as [string, string];
    const row = gauzyRouteOf(method, path);
    assert.ok(row, `${tool.name} declares ${route}, which is not in Gauzy's route table`);
    if (row.permissions.length && !row.permissions.some((permission) => permissions.has(permission))) refusing.push({ route, permissions: row.permissions });
  }
  return refusing;
}

const paramsBlanked = (path: string) => path.replace(/:[^/]+/g, ':');

/**
 * The route row for a declared template. Matched as a template (param names aside): `findGauzyRoute` reads
 * its argument as a concrete path, so `:id` would also match a literal sibling such as `/edit`.
 */
function gauzyRouteOf(method: string, template: string): GauzyRoute | undefined {
  const wanted = paramsBlanked(template);
  return gauzyRoutes.find((row) => row.method === method && !row.shadowedBy && paramsBlanked(row.path) === wanted);
}

type BulkResult = { ok: boolean; error?: { code?: string } };
const bulkResults = (outcome: ToolCallOutcome) => (Array.isArray(outcome.structured?.results) ? (outcome.structured.results as BulkResult[]) : undefined);

function isForbidden(outcome: ToolCallOutcome): boolean {
  if (outcome.isError) return outcome.error?.status === 403 || outcome.error?.code === 'GMCP_ERR_GAUZY_FORBIDDEN';
  return bulkResults(outcome)?.some((result) => result.error?.code === 'GMCP_ERR_GAUZY_FORBIDDEN') ?? false;
}

function assertForbidden(outcome: ToolCallOutcome, tool: string): void {
  const results = bulkResults(outcome);
  if (results) {
    assert.ok(results.length > 0 && results.every((result) => !result.ok && result.error?.code === 'GMCP_ERR_GAUZY_FORBIDDEN'), `${tool}: expected every item refused with 403: ${outcome.text}`);
    return;
  }
  assert.equal(outcome.isError, true, `${tool}: the employee was not refused: ${outcome.text}`);
  assert.equal(outcome.error?.code, 'GMCP_ERR_GAUZY_FORBIDDEN', outcome.text);
  assert.equal(outcome.error?.status, 403, outcome.text);
}

/**
 * Not found: GMCP_ERR_GAUZY_NOT_FOUND, or the 400 some services answer instead, when Gauzy's message says
 * so (OrganizationProjectService.findById: 400 "Failed to find organization project: The requested record
 * was not found").
 */
function assertNotFound(outcome: ToolCallOutcome, what: string): void {
  assert.equal(outcome.isError, true, `${what} succeeded: ${outcome.text}`);
  const saysNotFound = outcome.error?.gauzyMessages?.some((message) => /not found/i.test(message)) ?? false;
  assert.ok(outcome.error?.code === 'GMCP_ERR_GAUZY_NOT_FOUND' || (outcome.error?.code === 'GMCP_ERR_GAUZY_BAD_REQUEST' && saysNotFound), `${what}: not a not-found answer: ${outcome.text}`);
}

async function assertRejectedNamingField(h: ConformanceHarness, tool: string, args: Args, field: string): Promise<void> {
  h.sandbox.clearRequests();
  const outcome = await h.admin.call(tool, args);
  assert.equal(outcome.isError, true, `${tool} accepted ${JSON.stringify(args)}`);
  assert.equal(outcome.error?.code, 'GMCP_ERR_INVALID_ARGUMENTS', outcome.text);
  assert.ok(outcome.error?.fields?.includes(field), `${tool}: the error names ${JSON.stringify(outcome.error?.fields)}, not ${field}`);
  assert.deepEqual(h.sandbox.requests.map((request) => `${request.method} ${request.path}`), [], `${tool} sent Gauzy requests for invalid arguments`);
}

interface PublishedInput {
  properties?: Record<string, { enum?: unknown[]; default?: unknown; items?: { enum?: unknown[] } }>;
  required?: string[];
}

/**
 * The entity's required fields that the tool takes and does not default: a call without one must be refused
 * before Gauzy sees it. A tool that made one optional fails here instead of sending Gauzy an invalid body.
 */
function requiredFields(entity: EntityDefinition, schema: PublishedInput): string[] {
  return Object.entries(entity.fields)
    .filter(([field, fieldSchema]) => refusesMissing(fieldSchema) && schema.properties?.[field] && !('default' in schema.properties[field]))
    .map(([field]) => field);
}

/** Read through Standard Schema (`~standard`), so a field built with any copy of zod answers. */
function refusesMissing(fieldSchema: unknown): boolean {
  const standard = (fieldSchema as { '~standard'?: { validate(value: unknown): unknown } } | undefined)?.['~standard'];
  const result = standard?.validate(undefined);
  return !!result && typeof result === 'object' && !(result instanceof Promise) && Array.isArray((result as { issues?: unknown }).issues);
}

/** The input schema a client receives for the tool (what it must send, and the values it may). */
const publishedInput = (tool: ToolDefinition) => toJsonSchema(tool.input, 'input') as PublishedInput;

/** The relation paths a tool's `relations` argument accepts. */
const offeredRelations = (tool: ToolDefinition): string[] => (publishedInput(tool).properties?.relations?.items?.enum ?? []).map(String);

/** Entity fields whose published property is an enum: a value outside it must be refused by name. */
function enumFields(entity: EntityDefinition, schema: PublishedInput): string[] {
  return Object.keys(entity.fields).filter((field) => {
    const property = schema.properties?.[field];
    return Array.isArray(property?.enum) && !property.enum.includes(NOT_ONE_OF_THEM);
  });
}

/** Each given value is the stored column of the same name (dates compared as instants, id lists as sets). */
function assertStored(row: Row, values: Args, tool: string): void {
  for (const [key, value] of Object.entries(values)) {
    assert.ok(key in row, `${tool}: the stored row has no column ${key} (a sample value must be a column of the row)`);
    assert.ok(sameValue(row[key], value), `${tool}: ${key} is stored as ${JSON.stringify(row[key])}, not ${JSON.stringify(value)}`);
  }
}

function sameValue(stored: unknown, given: unknown): boolean {
  if (JSON.stringify(stored) === JSON.stringify(given)) return true;
  if (typeof stored === 'string' && typeof given === 'string' && /^\d{4}-\d{2}-\d{2}/.test(given)) return Date.parse(stored) === Date.parse(given);
  if (Array.isArray(stored) && Array.isArray(given)) return JSON.stringify([...stored].map(String).sort()) === JSON.stringify([...given].map(String).sort());
  return false;
}

async function listTotal(client: TestClient, tool: string): Promise<number> {
  const outcome = await client.call(tool, { take: 1 });
  assert.equal(outcome.isError, false, outcome.text);
  return Number(outcome.structured!.total);
}

/** The first page of ids (newest first) and the total. */
async function listIds(client: TestClient, tool: string): Promise<{ ids: string[]; total: number }> {
  const outcome = await client.call(tool, { take: 100 });
  assert.equal(outcome.isError, false, outcome.text);
  return { ids: (outcome.structured!.items as Item[]).map((item) => String(item.id)), total: Number(outcome.structured!.total) };
}

async function assertPagingReachesEveryRow(h: ConformanceHarness, entity: EntityDefinition, tool: string): Promise<void> {
  const total = await listTotal(h.admin, tool);
  const take = Math.max(1, Math.ceil(total / MAX_WALK_CALLS));
  const visited: string[] = [];
  let skip: number | undefined = 0;
  for (let calls = 0; skip !== undefined; calls++) {
    assert.ok(calls <= MAX_WALK_CALLS + 1, `${tool}: still paging after ${calls} calls of take=${take} over ${total} rows (nextSkip ${skip})`);
    const page = await h.admin.call(tool, { take, skip });
    assert.equal(page.isError, false, page.text);
    assert.equal(page.structured!.total, total, `${tool}: total changed between pages`);
    visited.push(...(page.structured!.items as Item[]).map((item) => String(item.id)));
    skip = page.structured!.nextSkip as number | undefined;
  }
  assert.equal(new Set(visited).size, visited.length, `${tool}: a row came back on two pages`);
  assert.equal(visited.length, total, `${tool}: the walk visited ${visited.length} rows of ${total}`);
  const { seed } = h.sandbox;
  const stored = h.sandbox.db
    .list(entity.name)
    .filter((row) => !row.deletedAt && row.tenantId === seed.tenantId && (entity.scope !== 'organization' || row.organizationId === seed.organizationId))
    .map((row) => row.id);
  assert.deepEqual([...visited].sort(), [...stored].sort(), `${tool}: the rows visited are not the organization's ${entity.plural} in the sandbox`);
}
