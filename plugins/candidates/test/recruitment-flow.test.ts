import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createKernel, silentLogger } from '@gauzy-mcp/core';
import { connectInMemory, createSandbox, kernelOptionsFor, type Sandbox, type TestClient } from '@gauzy-mcp/testkit';
import candidatesPlugin from '../src/index.js';
import { candidatesSandbox } from '../src/sandbox.js';

/*
 * Issue #10's recruitment flow, through an MCP client as a model would run it, on its own sandbox: list the
 * candidates in a stage, read their feedbacks, move the best forward (hire them), reject the others. Each step
 * reads only what the previous answers gave; the sandbox's state is checked at the end.
 */

let sandbox: Sandbox;
let client: TestClient;

before(async () => {
  sandbox = await createSandbox({ seed: 'demo', entities: candidatesSandbox });
  client = await connectInMemory(createKernel({ plugins: [candidatesPlugin], inventory: { toolsets: ['candidates'] }, log: silentLogger, ...kernelOptionsFor(sandbox, 'superAdmin') }).serverFactory);
});
after(async () => {
  await client.close();
  await sandbox.close();
});

interface Group { id: string; name: string; averageRating: number | null; feedbackCount: number }

test('recruitment flow: the APPLIED candidates, their feedbacks, the two best hired, the others with feedback rejected — the sandbox shows it', async () => {
  const listed = await client.call('list_candidates', { status: 'APPLIED', take: 100 });
  assert.equal(listed.isError, false, listed.text);
  const applied = (listed.structured!.items as Array<{ id: string }>).map((item) => item.id);
  assert.ok(applied.length >= 5, listed.text);

  const evaluations = await client.call('get_candidate_evaluations', { candidateStatus: 'APPLIED', take: 100 });
  assert.equal(evaluations.isError, false, evaluations.text);
  const groups = evaluations.structured!.candidates as Group[];
  // The feedbacks are those of the listed candidates, best average first.
  assert.ok(groups.every((group) => applied.includes(group.id)));
  const [first, second, ...rest] = groups;
  assert.ok(first && second && rest.length >= 2);
  assert.ok(first.averageRating! >= second.averageRating! && second.averageRating! > rest[0]!.averageRating!, evaluations.text);
  // What a model reads before deciding: names and averages in the text.
  for (const group of groups) assert.ok(evaluations.text.includes(`${group.name} (id ${group.id}) [APPLIED]: average rating ${group.averageRating} of ${group.feedbackCount}`));

  for (const group of [first, second]) {
    const hired = await client.call('update_candidate_stage', { id: group.id, status: 'HIRED' });
    assert.equal(hired.isError, false, hired.text);
    assert.ok(hired.text.startsWith(`${group.name} (id ${group.id}) is HIRED`), hired.text);
  }
  for (const group of rest) {
    const rejected = await client.call('update_candidate_stage', { id: group.id, status: 'REJECTED' });
    assert.equal(rejected.isError, false, rejected.text);
  }

  // The sandbox's state: the two hired with an employee each, the rest rejected and emailed, the one without feedback untouched.
  for (const group of [first, second]) {
    const row = sandbox.db.get('candidate', group.id)!;
    assert.equal(row.status, 'HIRED');
    const employee = sandbox.db.get('employee', String(row.employeeId))!;
    assert.deepEqual([employee.userId, employee.organizationId], [row.userId, sandbox.seed.organizationId]);
  }
  for (const group of rest) {
    const row = sandbox.db.get('candidate', group.id)!;
    assert.equal(row.status, 'REJECTED');
    assert.ok(row.rejectDate);
    const email = sandbox.db.get('user', String(row.userId))!.email;
    assert.ok(sandbox.db.list('emailHistory').some((entry) => entry.email === email && entry.templateName === 'reject-candidate'), `${group.name} was emailed`);
  }
  const untouched = applied.filter((id) => !groups.some((group) => group.id === id));
  assert.ok(untouched.length >= 1);
  for (const id of untouched) assert.equal(sandbox.db.get('candidate', id)!.status, 'APPLIED');

  // And the lists say so.
  const hiredNow = await client.call('list_candidates', { status: 'HIRED' });
  assert.deepEqual((hiredNow.structured!.items as Array<{ id: string }>).map((item) => item.id).sort(), [first.id, second.id].sort());
  assert.match(hiredNow.text, /\[HIRED\] .*hired \d{4}-\d{2}-\d{2}/);
  const stillApplied = await client.call('get_candidate_count', { status: 'APPLIED' });
  assert.equal(stillApplied.structured!.count, untouched.length);
});
