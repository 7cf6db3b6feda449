import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertTextAgrees, packCatalog, referenceToolNames, type Sandbox, type TestClient, usePackHarness } from '@gauzy-mcp/testkit';
import salesPlugin from '../src/index.js';
import { salesSandbox } from '../src/sandbox.js';

type Item = Record<string, unknown>;

let sandbox: Sandbox;
let admin: TestClient;
let employee: TestClient;
const MISSING = '00000000-0000-4000-8000-000000000000';
/** The demo seed's rows (testkit/src/seeds/sales.ts, contacts.ts). */
const SALES = '7a1b2c3d-4e5f-4a6b-8c7d-5e6f7a8b9c01';
const LEAD = '7a1b2c3d-4e5f-4a6b-8c7d-5e6f7a8b9c11';
const QUALIFIED = '7a1b2c3d-4e5f-4a6b-8c7d-5e6f7a8b9c12';
const PROPOSAL = '7a1b2c3d-4e5f-4a6b-8c7d-5e6f7a8b9c13';
const WON = '7a1b2c3d-4e5f-4a6b-8c7d-5e6f7a8b9c14';
const PARTNERSHIPS = '7a1b2c3d-4e5f-4a6b-8c7d-5e6f7a8b9c02';
const INTRO = '7a1b2c3d-4e5f-4a6b-8c7d-5e6f7a8b9c21';
const WEBSITE = '7a1b2c3d-4e5f-4a6b-8c7d-5e6f7a8b9c31';
const POS = '7a1b2c3d-4e5f-4a6b-8c7d-5e6f7a8b9c32';
const PILOT = '7a1b2c3d-4e5f-4a6b-8c7d-5e6f7a8b9c33';
const RESELLER = '7a1b2c3d-4e5f-4a6b-8c7d-5e6f7a8b9c34';
const EVER = '2c5e7a10-4b3d-4f6e-9a1b-7d8c9e0f1a21';
const ACME = '3d6f8b21-5c4e-4a7f-8b2c-8e9d0f1a2b32';

usePackHarness({ plugin: salesPlugin, sandboxEntities: [...salesSandbox] }, (opened) => ({ sandbox, admin, employee } = opened));

const ids = (outcome: { structured?: Item }) => ((outcome.structured?.items as Item[] | undefined) ?? []).map((item) => String(item.id));
const stageRows = (pipelineId: string) => sandbox.db.list('pipelineStage').filter((row) => row.pipelineId === pipelineId).sort((a, b) => Number(a.index) - Number(b.index));

/** A pipeline of the test's own, so destructive steps leave the demo rows alone. */
async function scratchPipeline(name: string, stages: string[]): Promise<{ id: string; stages: string[] }> {
  const created = await admin.call('create_pipeline', { name, stages: stages.map((stage) => ({ name: stage })) });
  assert.equal(created.isError, false, created.text);
  return { id: String(created.structured!.id), stages: (created.structured!.stages as Item[]).map((stage) => String(stage.id)) };
}

test('every reference tool of deals and pipelines is callable; the listed tools stay within 9,000 bytes; deal properties are retired', async () => {
  const names = referenceToolNames('deals', 'pipelines');
  assert.equal(names.length, 23);
  const catalog = packCatalog([salesPlugin]);
  assert.deepEqual(names.filter((name) => !catalog.callable(name)), []);
  assert.ok(catalog.bytes <= 9000, `${catalog.bytes} bytes`);
  assert.deepEqual(catalog.listed.map((tool) => tool.name).sort(), [
    'add_pipeline_stage', 'create_deal', 'create_pipeline', 'delete_deal', 'delete_pipeline', 'get_deal_by_id', 'get_deal_statistics',
    'get_pipeline_by_id', 'list_deals', 'list_pipelines', 'remove_pipeline_stage', 'update_deal', 'update_pipeline', 'update_pipeline_stage',
  ]);
  assert.equal(catalog.callable('get_my_deals'), 'preset');
  assert.equal(catalog.callable('update_deal_stage'), 'alias');
  assert.equal(catalog.callable('get_deals_pipeline'), 'alias');
  for (const name of ['add_deal_property', 'update_deal_property', 'remove_deal_property']) {
    sandbox.clearRequests();
    const answer = await admin.call(name, { dealId: WEBSITE });
    assert.equal(answer.error?.code, 'GMCP_ERR_TOOL_RETIRED', answer.text);
    assert.match(answer.text, /Gauzy deals have no custom properties.*update_deal/);
    assert.equal(sandbox.requests.length, 0);
  }
});

test('list_deals names stage, pipeline and client, and filters by pipeline, stage and client (get_deals_by_client); get_deal_count is its total', async () => {
  const sales = await admin.call('list_deals', { pipelineId: SALES });
  assert.equal(sales.isError, false, sales.text);
  assert.deepEqual(ids(sales).sort(), [WEBSITE, POS, PILOT].sort());
  assert.ok(sales.text.includes(`"Website redesign" (id ${WEBSITE}) · stage Qualified (#2, id ${QUALIFIED}) of Sales (id ${SALES}) · probability 3 · client Ever Technologies (id ${EVER})`), sales.text);
  assertTextAgrees(sales.text, sales.structured!);
  assert.equal(sandbox.requests.at(-1)!.path, '/api/deals');
  assert.deepEqual(ids(await admin.call('list_deals', { stageId: PROPOSAL })), [POS]);
  assert.deepEqual(ids(await admin.call('get_deals_by_client', { clientId: ACME })), [POS]);
  const reseller = await admin.call('list_deals', { pipelineId: PARTNERSHIPS });
  assert.ok(reseller.text.includes(`"Reseller agreement" (id ${RESELLER}) · stage Intro (#1, id ${INTRO}) of Partnerships`) && reseller.text.includes('no client'), reseller.text);
  assert.equal((await admin.call('get_deal_count', { pipelineId: SALES })).structured!.total, 3);
  const bad = await admin.call('list_deals', { stageId: 'lead' });
  assert.equal(bad.isError, true);
  assert.ok(bad.error!.fields!.includes('stageId'), bad.text);
});

test('search_deals finds part of a title in any case, read and filtered here (Gauzy matches titles exactly) and says so; get_my_deals are the caller\'s', async () => {
  const found = await admin.call('search_deals', { title: 'ROLLOUT' });
  assert.equal(found.isError, false, found.text);
  assert.deepEqual(ids(found), [POS]);
  assert.match(found.text, /Gauzy matches deal titles only exactly, so \d+ of \d+ deals were read and searched here\./);
  assertTextAgrees(found.text, found.structured!);
  const mine = await admin.call('get_my_deals', {});
  assert.equal(mine.isError, false, mine.text);
  assert.ok([WEBSITE, POS, PILOT, RESELLER].every((id) => ids(mine).includes(id)), mine.text);
  assert.deepEqual(sandbox.requests.at(-1)!.query.where, { createdByUserId: sandbox.seed.users.superAdmin.id, organizationId: sandbox.seed.organizationId, tenantId: sandbox.seed.tenantId });
  const other = await admin.call('get_my_deals', { createdByUserId: MISSING });
  assert.equal(other.isError, true);
  assert.ok(other.error!.fields!.includes('createdByUserId'), other.text);
});

test('get_deal_by_id names stage, pipeline and client; an unknown id is a 404', async () => {
  const found = await admin.call('get_deal', { id: POS });
  assert.equal(found.isError, false, found.text);
  assert.ok(found.text.includes(`"Point-of-sale rollout" (id ${POS}) · stage Proposal (#3, id ${PROPOSAL}) of Sales (id ${SALES}) · probability 4 · client Acme Retail (id ${ACME})`), found.text);
  assertTextAgrees(found.text, found.structured!);
  const missing = await admin.call('get_deal_by_id', { id: MISSING });
  assert.equal(missing.error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND', missing.text);
  assert.match(missing.text, /The requested record was not found/);
});

test('create_deal stores the deal with its creator; probability is 0-5; a stage no pipeline has is Gauzy\'s 400 with what to do', async () => {
  const created = await admin.call('create_deal', { title: 'Support contract', probability: 2, stageId: LEAD, clientId: ACME });
  assert.equal(created.isError, false, created.text);
  const row = sandbox.db.get('deal', String(created.structured!.id))!;
  assert.deepEqual([row.title, row.probability, row.stageId, row.clientId, row.createdByUserId, row.organizationId], ['Support contract', 2, LEAD, ACME, sandbox.seed.users.superAdmin.id, sandbox.seed.organizationId]);
  assert.ok(created.text.startsWith(`Created deal: "Support contract" (id ${row.id}) · stage Lead (#1, id ${LEAD}) of Sales`), created.text);
  const valid: Item = { title: 'x', probability: 1, stageId: LEAD };
  for (const [args, field] of [[{ probability: 6 }, 'probability'], [{ probability: 2.5 }, 'probability'], [{ stageId: 'lead' }, 'stageId'], [{ title: '' }, 'title']] as const) {
    const bad = await admin.call('create_deal', { ...valid, ...args });
    assert.equal(bad.isError, true);
    assert.ok(bad.error!.fields!.includes(field), bad.text);
  }
  const count = sandbox.db.count('deal');
  const unknown = await admin.call('create_deal', { title: 'Nowhere', probability: 1, stageId: MISSING });
  assert.equal(unknown.error?.code, 'GMCP_ERR_GAUZY_BAD_REQUEST', unknown.text);
  assert.match(unknown.text, /Error occurred while creating deal: .*FOREIGN KEY/);
  assert.match(unknown.text, /What to do: stageId must be a stage of one of the organization's pipelines/);
  assert.equal(sandbox.db.count('deal'), count);
});

test('update_deal changes only what is given; moving it checks the stage is in its pipeline; already there changes nothing; 404 for an unknown id', async () => {
  const created = await admin.call('create_deal', { title: 'Training', probability: 1, stageId: LEAD });
  const id = String(created.structured!.id);
  const renamed = await admin.call('update_deal', { id, title: 'Training workshop', clientId: EVER });
  assert.equal(renamed.isError, false, renamed.text);
  assert.deepEqual([sandbox.db.get('deal', id)!.title, sandbox.db.get('deal', id)!.clientId, sandbox.db.get('deal', id)!.probability, sandbox.db.get('deal', id)!.stageId], ['Training workshop', EVER, 1, LEAD]);
  assert.ok(renamed.text.startsWith(`Updated deal: "Training workshop" (id ${id}) · stage Lead`), renamed.text);
  const moved = await admin.call('update_deal_stage', { id, stageId: WON });
  assert.equal(moved.isError, false, moved.text);
  assert.equal(sandbox.db.get('deal', id)!.stageId, WON);
  assert.equal(moved.structured!.moved, true);
  sandbox.clearRequests();
  const again = await admin.call('update_deal', { id, stage: 'won' });
  assert.equal(again.isError, false, again.text);
  assert.match(again.text, /^Already in Won \(#4\), nothing changed/);
  assert.ok(!sandbox.requests.some((request) => request.method === 'PUT'), 'no PUT for a deal already there');
  const foreign = await admin.call('update_deal', { id, stageId: INTRO });
  assert.deepEqual(foreign.error?.fields, ['stageId'], foreign.text);
  assert.match(foreign.text, /not a stage of the deal's pipeline Sales; its stages: 1\. Lead \(id [^)]+\), 2\. Qualified/);
  const unnamed = await admin.call('update_deal', { id, stage: 'Lost' });
  assert.deepEqual(unnamed.error?.fields, ['stage'], unnamed.text);
  assert.equal(sandbox.db.get('deal', id)!.stageId, WON);
  const noClient = await admin.call('update_deal', { id, clientId: MISSING });
  assert.equal(noClient.error?.code, 'GMCP_ERR_GAUZY_BAD_REQUEST', noClient.text);
  assert.match(noClient.text, /What to do: Gauzy refused the change with a database error and no message: .*clientId one of its clients/);
  assert.equal(sandbox.db.get('deal', id)!.clientId, EVER);
  assert.ok((await admin.call('update_deal', { id })).error!.fields!.includes('(arguments)'));
  assert.ok((await admin.call('update_deal', { id, probability: -1 })).error!.fields!.includes('probability'));
  for (const args of [{ id: MISSING, title: 'x' }, { id: MISSING, stageId: WON }]) {
    const missing = await admin.call('update_deal', args);
    assert.equal(missing.error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND', missing.text);
  }
});

test('delete_deal removes the deal; an unknown id is a 404', async () => {
  const created = await admin.call('create_deal', { title: 'Short-lived', probability: 0, stageId: LEAD });
  const id = String(created.structured!.id);
  const deleted = await admin.call('delete_deal', { id });
  assert.equal(deleted.isError, false, deleted.text);
  assert.equal(sandbox.db.get('deal', id), undefined);
  assert.equal((await admin.call('delete_deal', { id })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
});

test('get_deal_statistics counts the deals per pipeline, per stage in order (empty ones too) and per client, with average probability', async () => {
  const answer = await admin.call('get_deal_statistics', { pipelineId: PARTNERSHIPS });
  assert.equal(answer.isError, false, answer.text);
  assertTextAgrees(answer.text, answer.structured!);
  assert.equal(answer.structured!.deals, 1);
  const [partnerships] = answer.structured!.byPipeline as Array<Item & { stages: Item[] }>;
  assert.deepEqual(partnerships!.stages.map((stage) => [stage.name, stage.deals]), [['Intro', 1], ['Negotiation', 0]]);
  assert.match(answer.text, /^1 deal, average probability 2\.\n- Partnerships \(id [^)]+\): 1 deal, average probability 2; 1\. Intro 1, 2\. Negotiation 0\nBy client: no client 1\.$/);
  const all = await admin.call('get_deal_statistics', {});
  assertTextAgrees(all.text, all.structured!);
  const sales = (all.structured!.byPipeline as Array<Item & { stages: Item[] }>).find((pipeline) => pipeline.id === SALES)!;
  assert.equal(sales.deals, sandbox.db.list('deal').filter((deal) => [LEAD, QUALIFIED, PROPOSAL, WON].includes(String(deal.stageId))).length);
  assert.ok((all.structured!.byClient as Item[]).some((client) => client.id === EVER && client.name === 'Ever Technologies'));
  assert.ok((await admin.call('get_deal_statistics', { pipelineId: 'sales' })).error!.fields!.includes('pipelineId'));
});

test('list_pipelines finds part of a name (Gauzy\'s LIKE) with the stages in order; get_pipeline_by_id is the board; 404 for an unknown id', async () => {
  const found = await admin.call('get_pipelines', { name: 'sale' });
  assert.equal(found.isError, false, found.text);
  assert.deepEqual(ids(found), [SALES]);
  assert.ok(found.text.includes(`Sales (id ${SALES}) · active · "New business" · stages: 1. Lead (id ${LEAD}), 2. Qualified (id ${QUALIFIED}), 3. Proposal (id ${PROPOSAL}), 4. Won (id ${WON})`), found.text);
  assertTextAgrees(found.text, found.structured!);
  assert.equal(sandbox.requests.at(-1)!.path, '/api/pipelines/pagination');
  const board = await admin.call('get_pipeline', { id: PARTNERSHIPS });
  assert.equal(board.isError, false, board.text);
  assertTextAgrees(board.text, board.structured!);
  assert.ok(board.text.includes(`1. Intro (id ${INTRO}): 1 deal — "Reseller agreement" (id ${RESELLER}) probability 2`), board.text);
  assert.match(board.text, /2\. Negotiation \(id [^)]+\): 0 deals/);
  const missing = await admin.call('get_pipeline_by_id', { id: MISSING });
  assert.equal(missing.error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND', missing.text);
});

test('list_pipelines searches a name Gauzy would read as JSON ("2027" becomes true in its transform) here, and says so', async () => {
  const plan = await scratchPipeline('Plan 2027', ['Draft']);
  sandbox.clearRequests();
  const found = await admin.call('list_pipelines', { name: '2027' });
  assert.equal(found.isError, false, found.text);
  assert.deepEqual(ids(found), [plan.id]);
  assert.match(found.text, /Gauzy reads "2027" as a boolean in its name search, so \d+ of \d+ pipelines were read and searched here\./);
  assertTextAgrees(found.text, found.structured!);
  assert.ok(sandbox.requests.filter((request) => request.path === '/api/pipelines/pagination').every((request) => !(request.query.where as Item).name));
  await admin.call('delete_pipeline', { id: plan.id });
});

test('create_pipeline needs a name; update_pipeline renames it and keeps its stages and their deals (Gauzy drops the stages a PUT leaves out)', async () => {
  assert.ok((await admin.call('create_pipeline', { stages: [{ name: 'A' }] })).error!.fields!.includes('name'));
  assert.ok((await admin.call('create_pipeline', { name: 'X', stages: [{ description: 'no name' }] })).error!.fields!.some((field) => field.startsWith('stages')));
  const pipeline = await scratchPipeline('Renewals', ['Due', 'Renewed']);
  const deal = await admin.call('create_deal', { title: 'Annual renewal', probability: 4, stageId: pipeline.stages[0]! });
  const updated = await admin.call('update_pipeline', { id: pipeline.id, name: 'Renewals 2027', isActive: false });
  assert.equal(updated.isError, false, updated.text);
  assert.ok(updated.text.startsWith(`Updated pipeline: Renewals 2027 (id ${pipeline.id}) · inactive · stages: 1. Due`), updated.text);
  assert.deepEqual([sandbox.db.get('pipeline', pipeline.id)!.name, sandbox.db.get('pipeline', pipeline.id)!.isActive], ['Renewals 2027', false]);
  assert.deepEqual(stageRows(pipeline.id).map((row) => row.id), pipeline.stages);
  assert.ok(sandbox.db.get('deal', String(deal.structured!.id)), 'the deal is still there');
  assert.ok((await admin.call('update_pipeline', { id: pipeline.id })).error!.fields!.includes('(arguments)'));
  const missing = await admin.call('update_pipeline', { id: MISSING, name: 'x' });
  assert.equal(missing.error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND', missing.text);
});

test('add_pipeline_stage inserts a stage where asked; update_pipeline_stage renames and reorders one; the stages are renumbered and keep their deals', async () => {
  const pipeline = await scratchPipeline('Hiring partners', ['Contacted', 'Signed']);
  const deal = await admin.call('create_deal', { title: 'Agency A', probability: 2, stageId: pipeline.stages[1]! });
  const added = await admin.call('add_pipeline_stage', { pipelineId: pipeline.id, name: 'Meeting', description: 'First call', position: 2 });
  assert.equal(added.isError, false, added.text);
  assert.deepEqual(stageRows(pipeline.id).map((row) => [row.name, row.index]), [['Contacted', 1], ['Meeting', 2], ['Signed', 3]]);
  assert.match(added.text, /^Added stage Meeting: Hiring partners .* stages: 1\. Contacted .*, 2\. Meeting .*, 3\. Signed/);
  const last = await admin.call('add_pipeline_stage', { pipelineId: pipeline.id, name: 'Archived' });
  assert.equal(stageRows(pipeline.id).at(-1)!.name, 'Archived', last.text);
  const changed = await admin.call('update_pipeline_stage', { pipelineId: pipeline.id, stageId: pipeline.stages[1]!, name: 'Contract signed', position: 1 });
  assert.equal(changed.isError, false, changed.text);
  assert.deepEqual(stageRows(pipeline.id).map((row) => [row.name, row.index]), [['Contract signed', 1], ['Contacted', 2], ['Meeting', 3], ['Archived', 4]]);
  assert.equal(stageRows(pipeline.id)[0]!.id, pipeline.stages[1], 'the same stage, renamed');
  // Gauzy answers a pipeline's stages by index, whatever order they were saved in.
  const listed = await admin.call('list_pipelines', { name: 'Hiring partners' });
  assert.deepEqual(((listed.structured!.items as Item[])[0]!.stages as Item[]).map((stage) => stage.name), ['Contract signed', 'Contacted', 'Meeting', 'Archived']);
  assert.deepEqual(sandbox.db.list('pipelineStage').filter((row) => row.pipelineId === pipeline.id).map((row) => row.index), [1, 2, 3, 4]);
  assert.equal(sandbox.db.get('deal', String(deal.structured!.id))!.stageId, pipeline.stages[1]);
  const foreign = await admin.call('update_pipeline_stage', { pipelineId: pipeline.id, stageId: LEAD, name: 'x' });
  assert.deepEqual(foreign.error?.fields, ['stageId'], foreign.text);
  assert.ok((await admin.call('update_pipeline_stage', { pipelineId: pipeline.id, stageId: pipeline.stages[0]! })).error!.fields!.includes('(arguments)'));
  assert.ok((await admin.call('add_pipeline_stage', { pipelineId: pipeline.id })).error!.fields!.includes('name'));
  assert.equal((await admin.call('add_pipeline_stage', { pipelineId: MISSING, name: 'x' })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
});

test('remove_pipeline_stage refuses a stage with deals unless they are moved first, then removes it and renumbers the rest', async () => {
  const pipeline = await scratchPipeline('Events', ['Invited', 'Confirmed', 'Attended']);
  const deal = await admin.call('create_deal', { title: 'Sponsor booth', probability: 3, stageId: pipeline.stages[1]! });
  const dealId = String(deal.structured!.id);
  const refused = await admin.call('remove_pipeline_stage', { pipelineId: pipeline.id, stageId: pipeline.stages[1]! });
  assert.deepEqual(refused.error?.fields, ['moveDealsToStageId'], refused.text);
  assert.match(refused.text, /stage Confirmed has 1 deal\(s\) \("Sponsor booth" \(id [^)]+\)\), which Gauzy would delete with it/);
  assert.equal(stageRows(pipeline.id).length, 3);
  const self = await admin.call('remove_pipeline_stage', { pipelineId: pipeline.id, stageId: pipeline.stages[1]!, moveDealsToStageId: pipeline.stages[1]! });
  assert.deepEqual(self.error?.fields, ['moveDealsToStageId'], self.text);
  const removed = await admin.call('remove_pipeline_stage', { pipelineId: pipeline.id, stageId: pipeline.stages[1]!, moveDealsToStageId: pipeline.stages[2]! });
  assert.equal(removed.isError, false, removed.text);
  assert.deepEqual(removed.structured!.movedDealIds, [dealId]);
  assert.match(removed.text, /^Removed stage Confirmed after moving its 1 deal\(s\) to Attended: Events /);
  assert.deepEqual(stageRows(pipeline.id).map((row) => [row.id, row.index]), [[pipeline.stages[0], 1], [pipeline.stages[2], 2]]);
  assert.equal(sandbox.db.get('pipelineStage', pipeline.stages[1]!), undefined);
  assert.equal(sandbox.db.get('deal', dealId)!.stageId, pipeline.stages[2]);
  const empty = await admin.call('remove_pipeline_stage', { pipelineId: pipeline.id, stageId: pipeline.stages[0]! });
  assert.equal(empty.isError, false, empty.text);
  assert.deepEqual(stageRows(pipeline.id).map((row) => row.id), [pipeline.stages[2]]);
  assert.deepEqual((await admin.call('remove_pipeline_stage', { pipelineId: pipeline.id, stageId: WON })).error?.fields, ['stageId']);
});

test('delete_pipeline deletes it with its stages and their deals and says how many; an unknown id is a 404', async () => {
  const pipeline = await scratchPipeline('Doomed', ['One', 'Two']);
  const deal = await admin.call('create_deal', { title: 'Goes too', probability: 1, stageId: pipeline.stages[0]! });
  const deleted = await admin.call('delete_pipeline', { id: pipeline.id });
  assert.equal(deleted.isError, false, deleted.text);
  assert.equal(deleted.text, `Deleted pipeline Doomed (id ${pipeline.id}) permanently, with its 2 stages and 1 deal.`);
  assert.equal(sandbox.db.get('pipeline', pipeline.id), undefined);
  assert.equal(stageRows(pipeline.id).length, 0);
  assert.equal(sandbox.db.get('deal', String(deal.structured!.id)), undefined);
  assert.equal((await admin.call('delete_pipeline', { id: pipeline.id })).error?.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
});

test('every tool names the field of invalid arguments and sends Gauzy nothing', async () => {
  for (const [name, args, field] of [
    ['list_deals', { take: 500 }, 'take'],
    ['get_deal_by_id', { id: 'website' }, 'id'],
    ['create_deal', { title: 'x', stageId: LEAD, probability: '3' }, 'probability'],
    ['update_deal', { id: WEBSITE, stageId: 'won' }, 'stageId'],
    ['delete_deal', { id: 42 }, 'id'],
    ['get_deal_statistics', { clientId: 'acme' }, 'clientId'],
    ['list_pipelines', { name: '' }, 'name'],
    ['get_pipeline_by_id', {}, 'id'],
    ['create_pipeline', { name: 'x', stages: 'Lead, Won' }, 'stages'],
    ['update_pipeline', { id: SALES, isActive: 'no' }, 'isActive'],
    ['delete_pipeline', { id: 'sales' }, 'id'],
    ['add_pipeline_stage', { pipelineId: SALES, name: 'x', position: 0 }, 'position'],
    ['update_pipeline_stage', { pipelineId: SALES, stageId: 'lead', name: 'x' }, 'stageId'],
    ['remove_pipeline_stage', { pipelineId: SALES, stageId: WON, moveDealsToStageId: 'lead' }, 'moveDealsToStageId'],
  ] as const) {
    sandbox.clearRequests();
    const answer = await admin.call(name, args);
    assert.equal(answer.error?.code, 'GMCP_ERR_INVALID_ARGUMENTS', `${name}: ${answer.text}`);
    assert.ok(answer.error!.fields!.includes(field), `${name}: ${answer.text}`);
    assert.equal(sandbox.requests.length, 0, name);
  }
});

test('role matrix: Gauzy\'s EMPLOYEE role has neither VIEW_SALES_PIPELINES nor EDIT_SALES_PIPELINES, so every sales tool is its 403', async () => {
  for (const [name, args] of [
    ['list_deals', {}],
    ['get_my_deals', {}],
    ['get_deal_by_id', { id: WEBSITE }],
    ['create_deal', { title: 'Mine', probability: 1, stageId: LEAD }],
    ['update_deal', { id: WEBSITE, title: 'Changed' }],
    ['update_deal_stage', { id: WEBSITE, stageId: WON }],
    ['delete_deal', { id: WEBSITE }],
    ['get_deal_statistics', {}],
    ['list_pipelines', {}],
    ['get_pipeline_by_id', { id: SALES }],
    ['create_pipeline', { name: 'Mine' }],
    ['update_pipeline', { id: SALES, name: 'Changed' }],
    ['delete_pipeline', { id: SALES }],
    ['add_pipeline_stage', { pipelineId: SALES, name: 'Extra' }],
    ['update_pipeline_stage', { pipelineId: SALES, stageId: LEAD, name: 'Changed' }],
    ['remove_pipeline_stage', { pipelineId: SALES, stageId: WON }],
  ] as const) {
    const answer = await employee.call(name, args);
    assert.equal(answer.error?.code, 'GMCP_ERR_GAUZY_FORBIDDEN', `${name}: ${answer.text}`);
    assert.match(answer.text, /Forbidden resource/);
    assert.match(answer.text, /What to do: Gauzy's sales pipelines and deals need the VIEW_SALES_PIPELINES permission/);
  }
  assert.equal(sandbox.db.get('deal', WEBSITE)!.title, 'Website redesign');
  assert.equal(stageRows(SALES).length, 4);
  assert.equal((await employee.call('add_deal_property', {})).error?.code, 'GMCP_ERR_TOOL_RETIRED');
});

test('sandbox fidelity: a PUT of a pipeline without its stages deletes them and their deals, as PipelineService.update does; an unknown id is 202 with no body', async () => {
  const pipeline = await scratchPipeline('Raw', ['Only']);
  const deal = await admin.call('create_deal', { title: 'Lost with the stage', probability: 1, stageId: pipeline.stages[0]! });
  const login = await fetch(`${sandbox.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: sandbox.seed.users.superAdmin.email, password: sandbox.seed.users.superAdmin.password }) });
  const { token } = (await login.json()) as { token: string };
  const put = (id: string) =>
    fetch(`${sandbox.url}/api/pipelines/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'tenant-id': sandbox.seed.tenantId },
      body: JSON.stringify({ name: 'Raw', organizationId: sandbox.seed.organizationId, tenantId: sandbox.seed.tenantId }),
    });
  const answer = await put(pipeline.id);
  assert.equal(answer.status, 202);
  assert.equal(stageRows(pipeline.id).length, 0);
  assert.equal(sandbox.db.get('deal', String(deal.structured!.id)), undefined);
  const unknown = await put(MISSING);
  assert.deepEqual([unknown.status, await unknown.text()], [202, '']);
});
