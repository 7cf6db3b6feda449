import {
  GauzyMcpError,
  callerEmployeeId,
  crudTools,
  dataQuery,
  defineTool,
  defined,
  entityOutput,
  listOutput,
  listResult,
  normalizePage,
  ok,
  pagination,
  uuid,
  withRefusalHints,
  type ToolContext,
} from '@gauzy-mcp/core';
import { z } from 'zod';
import {
  KEY_RESULTS_TOOLSET as toolset,
  KeyResultStatus,
  describeKeyResult,
  describeKeyResultUpdate,
  keyResultEntity,
  keyResultValue,
} from '../entities.js';
import { goalProgress, keyResultProgress } from '../progress.js';
import { GOALS_LIST, GOAL_UPDATE, KEY_RESULT_BY_ID, KEY_RESULT_UPDATE, compactKeyResult, readGoal, readKeyResult, readKeyResults, saveGoalProgress, withDatabaseHint } from './read.js';

type Item = Record<string, unknown>;

const UPDATE_CREATE = 'POST /api/key-result-updates' as const;
const KPI_LIST = 'GET /api/goal-kpi' as const;
const path = (route: string) => route.slice(route.indexOf(' ') + 1);
const scoped = (ctx: ToolContext, body: Item) => ({ ...body, organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId });

const invalid = (tool: string, field: string, message: string) =>
  new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', [tool], { issues: [{ field, message }], fields: [field] });

/** A key result with its goal, owner and lead by name: GET /:id joins the owner without its user, so the goal's list names them. */
async function readNamedKeyResult(ctx: ToolContext, id: string): Promise<Item> {
  const keyResult = await readKeyResult(ctx, id);
  const named = keyResult.goalId ? (await readKeyResults(ctx, String(keyResult.goalId))).find((item) => item.id === id) : undefined;
  const updates = ((keyResult.updates as Item[] | undefined) ?? [])
    .map(({ id: updateId, update, progress, status, createdAt }) => ({ id: updateId, update, progress, status, createdAt }))
    .sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
  return { ...(named ?? compactKeyResult(keyResult)), updateCount: updates.length, updates: updates.slice(0, MAX_UPDATES) };
}

/** The most updates one key result's answer carries (newest first); `updateCount` counts them all. */
const MAX_UPDATES = 50;

const keyResultText = (verb: string, keyResult: Item, shown = MAX_UPDATES) => {
  const updates = ((keyResult.updates as Item[] | undefined) ?? []).slice(0, shown);
  const count = Number(keyResult.updateCount ?? updates.length);
  return [
    `${verb} key result: ${describeKeyResult(keyResult)}`,
    ...(count ? [`${count} update${count === 1 ? '' : 's'}${count > updates.length ? `, the latest ${updates.length}` : ''}:`] : []),
    ...updates.map((update) => `- ${describeKeyResultUpdate(update)}`),
  ].join('\n');
};

/**
 * Gauzy's GET /api/key-results answers the tenant's key results without owners, goals or filters, and its
 * /count and /pagination reach GET /:id: the key results are read through the organization's goals (one
 * request) and filtered by owner, status and type here. One key result (`id`) comes from GET /:id with its
 * updates, newest first (GET /api/key-result-updates/:id lists the same rows).
 */
export const listKeyResults = defineTool({
  name: 'list_key_results',
  title: 'Find key results',
  description: 'Find key results by goal, owner or status; id: one with its updates.',
  toolset,
  aliases: keyResultEntity.aliases?.list,
  presets: { get_my_key_results: { ownerId: callerEmployeeId } },
  effect: 'read',
  input: z.object({ id: uuid().optional(), goalId: uuid().optional(), ownerId: uuid().optional(), status: KeyResultStatus.optional(), ...pagination }),
  output: listOutput,
  routes: [KEY_RESULT_BY_ID, GOALS_LIST],
  async handler({ id, goalId, take, skip, ...filters }, ctx) {
    if (id) {
      const keyResult = await readNamedKeyResult(ctx, id);
      const result = listResult({ items: [keyResult], skip: 0, take, noun: 'key results', describe: describeKeyResult });
      return { ...result, text: keyResultText('Found', keyResult) };
    }
    const wanted = defined(filters);
    const keyResults = (await readKeyResults(ctx, goalId)).filter((keyResult) => Object.entries(wanted).every(([key, value]) => keyResult[key] === value));
    return listResult({ items: keyResults, unpaged: true, skip, take, noun: 'key results', describe: describeKeyResult });
  },
});

const derived = crudTools(keyResultEntity, {
  toolset,
  tools: {
    list: false,
    get: false,
    update: false,
    create: {
      description: 'Add a key result to a goal (default: Numerical, from 0 to 1).',
      body: (args) => {
        const type = args.type ?? 'Numerical';
        const yesNo = type === 'True/False' || type === 'Task';
        if (type === 'Task' && !args.taskId) throw invalid('create_key_result', 'taskId', 'a Task key result needs its taskId');
        if (type === 'KPI' && !args.kpiId) throw invalid('create_key_result', 'kpiId', 'a KPI key result needs its kpiId');
        const initialValue = yesNo ? 0 : ((args.initialValue as number | undefined) ?? 0);
        // As the web app's form: yes-no kinds target 1; the value starts at the initial value; the NOT NULL columns are filled.
        return {
          ...defined(args),
          description: args.description ?? '',
          type,
          initialValue,
          targetValue: yesNo ? 1 : ((args.targetValue as number | undefined) ?? 1),
          deadline: args.deadline ?? 'No Custom Deadline',
          weight: args.weight ?? '1',
          update: initialValue,
          progress: 0,
          status: 'none',
        };
      },
    },
    delete: { description: 'Delete a key result and (cascade) its updates.' },
    bulkCreate: false,
    bulkUpdate: false,
    bulkDelete: false,
    archive: false,
    restore: false,
  },
});

export const createKeyResult = defineTool({
  ...derived.create!,
  routes: [...derived.create!.routes, KEY_RESULT_BY_ID, GOALS_LIST],
  async handler(args, ctx) {
    await readGoal(ctx, String(args.goalId), []);
    const created = await withDatabaseHint(() => derived.create!.handler(args, ctx), 'ownerId, leadId, taskId and kpiId');
    const keyResult = await readNamedKeyResult(ctx, String((created.structured as Item).id));
    return ok(keyResult, keyResultText('Created', keyResult));
  },
});

/** A goal aligned under the key result blocks its delete (no cascade on alignedKeyResultId): Gauzy reports it as a 404. */
export const deleteKeyResult = defineTool({
  ...derived.delete!,
  handler: (args, ctx) =>
    withRefusalHints(() => derived.delete!.handler(args, ctx), [
      { match: /record was not found/i, hint: "If the key result exists, a goal is aligned under it: change that goal's alignedKeyResultId (update_goal) first." },
    ]),
});

const updateFields = (() => {
  const { goalId: _goalId, type: _type, taskId: _taskId, kpiId: _kpiId, ...rest } = keyResultEntity.fields;
  return Object.fromEntries(Object.entries(rest).map(([key, schema]) => [key, (schema as z.ZodType).optional()]));
})();

/**
 * PUT /api/key-results/:id saves what it is sent (KeyResultDTO: every field optional). A new weight changes
 * the goal's weighted progress, which is recomputed as the web app does. The type is not offered: the app resets
 * the progress and deletes every update when it changes.
 */
export const updateKeyResult = defineTool({
  name: 'update_key_result',
  title: 'Update a key result',
  description: "Change a key result. New value: update_key_result_progress.",
  toolset,
  effect: 'write',
  idempotent: true,
  input: z.object({ id: uuid(), ...updateFields }),
  output: entityOutput,
  routes: [KEY_RESULT_BY_ID, KEY_RESULT_UPDATE, GOALS_LIST, GOAL_UPDATE],
  async handler({ id, ...raw }, ctx) {
    const changes = defined(raw as Item);
    if (!Object.keys(changes).length) throw invalid('update_key_result', '(arguments)', `give at least one field to change: ${Object.keys(updateFields).join(', ')}`);
    const current = await readKeyResult(ctx, id);
    await withDatabaseHint(() => ctx.gauzy.put(path(KEY_RESULT_UPDATE), scoped(ctx, changes), { params: { id } }), 'ownerId and leadId');
    let goalLine = '';
    if (changes.weight !== undefined && changes.weight !== current.weight && current.goalId) {
      goalLine = await recomputeGoal(ctx, String(current.goalId));
    }
    const keyResult = await readNamedKeyResult(ctx, id);
    return ok(keyResult, [keyResultText('Updated', keyResult), goalLine].filter(Boolean).join('\n'));
  },
});

/** The goal's progress from its key results, saved when it changed; a sentence saying what happened. */
async function recomputeGoal(ctx: ToolContext, goalId: string): Promise<string> {
  const goal = await readGoal(ctx, goalId, ['keyResults']);
  const next = goalProgress((goal.keyResults as Item[] | undefined) ?? []) ?? 0;
  const previous = Number(goal.progress ?? 0);
  if (next !== previous) await saveGoalProgress(ctx, goal, next);
  return `Goal ${String(goal.name)} (id ${goalId}): progress ${next === previous ? `unchanged at ${next}%` : `${previous}% → ${next}%`} (its key results, weighted).`;
}

/** The KPI a KPI key result measures, for its operator ('>=' or '<='). */
async function kpiOperator(ctx: ToolContext, kpiId: unknown): Promise<string | undefined> {
  if (typeof kpiId !== 'string') return undefined;
  const answer = await ctx.gauzy.get(path(KPI_LIST), { query: dataQuery({ findInput: { id: kpiId, organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId } }) });
  return normalizePage(answer).items[0]?.operator as string | undefined;
}

/**
 * Recording progress as Gauzy's web app does (keyresult-update.component.ts, goals.component.ts): a
 * KeyResultUpdate row with the value, the progress it makes and a status; the key result saved with them; its
 * goal's progress recomputed from all its key results, weighted. There is no progress route.
 */
export const updateKeyResultProgress = defineTool({
  name: 'update_key_result_progress',
  title: 'Record progress',
  description: "Record a key result's value (yes/no: 1/0): logs an update, sets its and its goal's progress.",
  toolset,
  aliases: ['create_key_result_update'],
  effect: 'write',
  input: z.object({ id: uuid(), value: z.number(), status: KeyResultStatus.exclude(['none']).optional() }),
  output: entityOutput,
  routes: [KEY_RESULT_BY_ID, KPI_LIST, UPDATE_CREATE, KEY_RESULT_UPDATE, GOALS_LIST, GOAL_UPDATE],
  async handler({ id, value, status }, ctx) {
    const current = await readKeyResult(ctx, id);
    const operator = current.type === 'KPI' ? await kpiOperator(ctx, current.kpiId) : undefined;
    const progress = keyResultProgress(current, value, 'update_key_result_progress', operator);
    const yesNo = current.type === 'True/False' || current.type === 'Task';
    const nextStatus = status ?? (yesNo || !current.status || current.status === 'none' ? 'on track' : String(current.status));
    const owner = current.ownerId ?? (current.owner as Item | undefined)?.id;
    const recorded = await ctx.gauzy.post<Item>(path(UPDATE_CREATE), scoped(ctx, { keyResultId: id, owner, update: value, progress, status: nextStatus }));
    await ctx.gauzy.put(path(KEY_RESULT_UPDATE), scoped(ctx, { update: value, progress, status: nextStatus }), { params: { id } });
    const goalLine = current.goalId ? await recomputeGoal(ctx, String(current.goalId)) : 'The key result has no goal: no goal progress changed.';
    const keyResult = await readNamedKeyResult(ctx, id);
    const text = [
      `Recorded update ${String(recorded.id)}: value ${value} → progress ${progress}% [${nextStatus}] (was ${Number(current.progress ?? 0)}%, ${keyResultValue(current)}).`,
      goalLine,
      keyResultText('Now', keyResult, 5),
    ].join('\n');
    return ok({ ...keyResult, recordedUpdate: { id: recorded.id, update: value, progress, status: nextStatus }, previousProgress: Number(current.progress ?? 0) }, text);
  },
});

