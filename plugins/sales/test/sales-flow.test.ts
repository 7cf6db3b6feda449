import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createKernel, silentLogger } from '@gauzy-mcp/core';
import { assertTextAgrees, connectInMemory, createSandbox, kernelOptionsFor, type Sandbox, type TestClient } from '@gauzy-mcp/testkit';
import salesPlugin from '../src/index.js';
import { salesSandbox } from '../src/sandbox.js';

/*
 * Issue #11's sales flow (its pipelines and deals half), through an MCP client as a model would run it: create a
 * pipeline with stages, a deal for a client in its first stage, move the deal through the stages by name and by
 * id, and read the board. Each step reads only what the previous answers gave; the sandbox's state is checked
 * after every move.
 */

type Item = Record<string, unknown>;

let sandbox: Sandbox;
let client: TestClient;
const EVER_TECHNOLOGIES = '2c5e7a10-4b3d-4f6e-9a1b-7d8c9e0f1a21';

before(async () => {
  sandbox = await createSandbox({ seed: 'demo', entities: salesSandbox });
  client = await connectInMemory(createKernel({ plugins: [salesPlugin], inventory: { toolsets: ['deals', 'pipelines'] }, log: silentLogger, ...kernelOptionsFor(sandbox, 'superAdmin') }).serverFactory);
});
after(async () => {
  await client.close();
  await sandbox.close();
});

test('sales flow: a pipeline with four stages, a deal in its first, moved stage by stage to Won — the sandbox shows each move', async () => {
  const created = await client.call('create_pipeline', {
    name: 'Enterprise',
    description: 'Large accounts',
    stages: [{ name: 'Discovery' }, { name: 'Demo' }, { name: 'Negotiation', description: 'Price and terms' }, { name: 'Won' }],
  });
  assert.equal(created.isError, false, created.text);
  const pipelineId = String(created.structured!.id);
  const stages = created.structured!.stages as Item[];
  assert.deepEqual(stages.map((stage) => [stage.name, stage.index]), [['Discovery', 1], ['Demo', 2], ['Negotiation', 3], ['Won', 4]]);
  assert.ok(created.text.includes(`1. Discovery (id ${String(stages[0]!.id)})`), created.text);
  // Stored as Gauzy stores them: one row per stage, numbered in the order given, in the caller's organization.
  const stored = sandbox.db.list('pipelineStage').filter((row) => row.pipelineId === pipelineId);
  assert.equal(stored.length, 4);
  assert.ok(stored.every((row) => row.tenantId === sandbox.seed.tenantId && row.organizationId === sandbox.seed.organizationId));

  const deal = await client.call('create_deal', { title: 'Data platform', probability: 1, stageId: String(stages[0]!.id), clientId: EVER_TECHNOLOGIES });
  assert.equal(deal.isError, false, deal.text);
  const dealId = String(deal.structured!.id);
  assert.ok(deal.text.includes(`stage Discovery (#1, id ${String(stages[0]!.id)}) of Enterprise (id ${pipelineId})`), deal.text);
  assert.ok(deal.text.includes(`client Ever Technologies (id ${EVER_TECHNOLOGIES})`), deal.text);
  assert.equal(sandbox.db.get('deal', dealId)!.stageId, stages[0]!.id);
  assert.equal(sandbox.db.get('deal', dealId)!.createdByUserId, sandbox.seed.users.superAdmin.id);

  // Moved by name, then by id (update_deal_stage is the old name), the probability raised on the way.
  const seen: string[] = [];
  for (const [index, step] of [[1, { stage: 'demo' }], [2, { stageId: String(stages[2]!.id), probability: 3 }], [3, { stage: 'Won', probability: 5 }]] as const) {
    const moved = await client.call(index === 2 ? 'update_deal_stage' : 'update_deal', { id: dealId, ...step });
    assert.equal(moved.isError, false, moved.text);
    const target = stages[index]!;
    assert.ok(moved.text.startsWith(`Moved from ${String(stages[index - 1]!.name)} (#${index}) to ${String(target.name)} (#${index + 1}) of Enterprise`), moved.text);
    assert.equal(moved.structured!.previousStageId, stages[index - 1]!.id);
    assert.equal(sandbox.db.get('deal', dealId)!.stageId, target.id, `after the move to ${String(target.name)}`);
    seen.push(String(sandbox.db.get('deal', dealId)!.stageId));
  }
  assert.deepEqual(seen, [stages[1]!.id, stages[2]!.id, stages[3]!.id]);
  assert.equal(sandbox.db.get('deal', dealId)!.probability, 5);

  // A stage of another pipeline is refused, and the deal stays where it is.
  const elsewhere = await client.call('update_deal', { id: dealId, stageId: '7a1b2c3d-4e5f-4a6b-8c7d-5e6f7a8b9c11' });
  assert.equal(elsewhere.isError, true);
  assert.deepEqual(elsewhere.error!.fields, ['stageId']);
  assert.match(elsewhere.text, /not a stage of the deal's pipeline Enterprise; its stages: 1\. Discovery/);
  assert.equal(sandbox.db.get('deal', dealId)!.stageId, stages[3]!.id);

  // The board: every stage in order with its deals.
  const board = await client.call('get_deals_pipeline', { id: pipelineId });
  assert.equal(board.isError, false, board.text);
  assertTextAgrees(board.text, board.structured!);
  const columns = board.structured!.stages as Array<Item & { dealCount: number; deals: Item[] }>;
  assert.deepEqual(columns.map((stage) => stage.dealCount), [0, 0, 0, 1]);
  assert.equal(columns[3]!.deals[0]!.id, dealId);
  assert.match(board.text, /4\. Won \(id [^)]+\): 1 deal — "Data platform" \(id [^)]+\) probability 5, Ever Technologies/);

  const statistics = await client.call('get_deal_statistics', { pipelineId });
  assert.equal(statistics.isError, false, statistics.text);
  assertTextAgrees(statistics.text, statistics.structured!);
  assert.match(statistics.text, /Enterprise \(id [^)]+\): 1 deal, average probability 5; 1\. Discovery 0, 2\. Demo 0, 3\. Negotiation 0, 4\. Won 1/);
});
