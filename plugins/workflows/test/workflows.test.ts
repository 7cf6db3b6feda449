import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WORKFLOW_PROMPTS, lastMonth, monthEndExpenses, projectSetup, weeklyTeamReport } from '../src/prompts.js';

const text = async (prompt: (typeof WORKFLOW_PROMPTS)[number], args: Record<string, string> = {}) => {
  const result = await prompt.get(args, { signal: new AbortController().signal });
  return result.messages.map((message) => (message.content as { text: string }).text).join('\n');
};

test('each prompt names every tool it uses, and uses every tool it names', async () => {
  for (const prompt of WORKFLOW_PROMPTS) {
    const body = await text(prompt, prompt.name === 'project-setup' ? { projectName: 'Apollo' } : {});
    for (const tool of prompt.uses ?? []) assert.ok(body.includes(tool), `${prompt.name} names ${tool}`);
    const named = new Set(body.match(/\b[a-z]+(?:_[a-z]+)+\b/g) ?? []);
    assert.deepEqual([...named].filter((word) => !(prompt.uses ?? []).includes(word)), [], `${prompt.name} names only tools it declares`);
  }
});

test('the arguments shape the plan: names, months and thresholds land in the calls', async () => {
  const setup = await text(projectSetup, { projectName: 'Apollo', members: 'Ana Lopez, bob@example.com', tasks: 'Kick-off; Budget' });
  assert.match(setup, /For each of "Ana Lopez", "bob@example.com": call list_employees with name/);
  assert.match(setup, /create_task, one call each, with projectId set: "Kick-off", "Budget"/);
  const february = await text(monthEndExpenses, { month: '2026-02', threshold: '250' });
  assert.match(february, /startDate "2026-02-01", endDate "2026-02-28" and maxAmount 250/);
  assert.match(await text(monthEndExpenses), new RegExp(`Process the expenses of ${lastMonth()}`));
  assert.match(await text(weeklyTeamReport, { weekStart: '2026-11-30' }), /startDate "2026-11-30"/);
  assert.equal(lastMonth(new Date('2026-01-15T00:00:00Z')), '2025-12');
});

test('an argument of the wrong form is refused, naming it', async () => {
  await assert.rejects(text(projectSetup, { projectName: ' ' }), /Invalid argument projectName/);
  await assert.rejects(text(monthEndExpenses, { month: '2026-13' }), /Invalid argument month: give a month as YYYY-MM/);
  await assert.rejects(text(monthEndExpenses, { threshold: '-5' }), /Invalid argument threshold/);
  await assert.rejects(text(weeklyTeamReport, { weekStart: 'monday' }), /Invalid argument weekStart/);
});
