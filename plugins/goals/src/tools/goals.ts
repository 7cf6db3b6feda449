import {
  GauzyMcpError,
  callerEmployeeId,
  crudTools,
  defineTool,
  defined,
  entityOutput,
  listOutput,
  listResult,
  ok,
  pagination,
  retiredTool,
  uuid,
  withRefusalHints,
  type RouteRef,
  type ToolContext,
  type ToolDefinition,
} from '@gauzy-mcp/core';
import { z } from 'zod';
import { GOALS_TOOLSET as toolset, GoalLevel, describeGoal, describeKeyResult, goalEntity } from '../entities.js';
import { goalProgress } from '../progress.js';
import { GOALS_LIST, GOAL_UPDATE, KEY_RESULT_BY_ID, compactGoal, readGoal, readGoals, readKeyResult, saveGoalProgress, TIME_FRAMES, timeFrameNote, withDatabaseHint } from './read.js';

type Item = Record<string, unknown>;

const invalid = (tool: string, field: string, message: string) =>
  new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', [tool], { issues: [{ field, message }], fields: [field] });

/** A goal with its key results, one line each under the goal's. */
export function goalText(verb: string, goal: Item): string {
  const keyResults = (goal.keyResults as Item[] | undefined) ?? [];
  return [`${verb} goal: ${describeGoal(goal)}`, ...keyResults.map((keyResult) => `- key result ${describeKeyResult({ ...keyResult, goalId: undefined })}`)].join('\n');
}

/**
 * Gauzy filters GET /api/goals by equality on what `findInput` names; a part of the name is matched here, on
 * every goal of the organization (the route answers them all at once). One goal (`id`) is shown with its key
 * results line by line: GET /api/goals/:id joins nothing.
 */
export const listGoals = defineTool({
  name: 'list_goals',
  title: 'Find goals',
  description: 'Find goals by level, owner, team, time frame, name; id: one with key results.',
  toolset,
  aliases: goalEntity.aliases?.list,
  presets: { get_my_goals: { ownerEmployeeId: callerEmployeeId }, get_team_goals: { level: 'Team' } },
  effect: 'read',
  input: z.object({
    id: uuid().optional(),
    level: GoalLevel.optional(),
    ownerEmployeeId: uuid().optional(),
    ownerTeamId: uuid().optional(),
    deadline: z.string().optional(),
    name: z.string().optional(),
    ...pagination,
  }),
  output: listOutput,
  routes: [GOALS_LIST],
  async handler({ name, take, skip, ...filters }, ctx) {
    if (filters.id) {
      const goal = compactGoal(await readGoal(ctx, filters.id));
      const result = listResult({ items: [goal], skip: 0, take, noun: 'goals', describe: describeGoal });
      return { ...result, text: goalText('Found', goal) };
    }
    const goals = await readGoals(ctx, defined(filters));
    const needle = name?.trim().toLowerCase();
    const kept = needle ? goals.filter((goal) => String(goal.name ?? '').toLowerCase().includes(needle)) : goals;
    return listResult({ items: kept.map(compactGoal), unpaged: true, skip, take, noun: 'goals', describe: describeGoal });
  },
});

/** The web app's rule: an Employee goal is owned by an employee, a Team goal by a team, an Organization goal by neither. */
function checkOwner(tool: string, level: unknown, values: Item): void {
  if (level === 'Employee' && !values.ownerEmployeeId) throw invalid(tool, 'ownerEmployeeId', 'an Employee goal needs its owner employee');
  if (level === 'Team' && !values.ownerTeamId) throw invalid(tool, 'ownerTeamId', 'a Team goal needs its owner team');
  if (level && level !== 'Employee' && values.ownerEmployeeId) throw invalid(tool, 'ownerEmployeeId', `only an Employee goal has an owner employee (level is ${String(level)})`);
  if (level && level !== 'Team' && values.ownerTeamId) throw invalid(tool, 'ownerTeamId', `only a Team goal has an owner team (level is ${String(level)})`);
}

/** Gauzy answers an aligned key result's goal with a foreign-key failure, which its delete reports as a 404. */
const alignedHint = {
  match: /record was not found/i,
  hint: 'If the goal exists, another goal is aligned under one of its key results: change that goal\'s alignedKeyResultId (update_goal) or delete it first.',
};

const derived = crudTools(goalEntity, {
  toolset,
  tools: {
    list: false,
    pagination: false,
    get: false,
    count: false,
    create: {
      description: 'Create a goal (level, time frame, owner); progress starts at 0.',
      body: async (args, ctx) => {
        checkOwner('create_goal', args.level, args);
        if (args.alignedKeyResultId) await readKeyResult(ctx, String(args.alignedKeyResultId));
        // description, deadline, level and progress are NOT NULL in Gauzy's goal table.
        return { ...defined(args), description: args.description ?? '', progress: 0 };
      },
    },
    update: { description: "Change or align (alignedKeyResultId) a goal. Progress: update_goal_progress." },
    delete: { description: 'Delete a goal and (cascade) its key results and their updates.' },
    bulkCreate: false,
    bulkUpdate: false,
    bulkDelete: false,
    archive: false,
    restore: false,
  },
});

/** A create or update answered with the goal read back with its owners and key results (Gauzy answers only the saved fields). */
function answeredWithGoal(tool: ToolDefinition, verb: string, check?: (args: Item, goal: Item, ctx: ToolContext) => Promise<void> | void): ToolDefinition {
  return defineTool({
    ...tool,
    routes: [...tool.routes, GOALS_LIST as RouteRef, KEY_RESULT_BY_ID as RouteRef, TIME_FRAMES as RouteRef],
    async handler(args, ctx) {
      const answer = await tool.handler(args, ctx);
      const id = String((answer.structured as Item | undefined)?.id ?? (args as Item).id);
      const goal = await readGoal(ctx, id);
      await check?.(args as Item, goal, ctx);
      const compact = compactGoal(goal);
      const note = await timeFrameNote(ctx, (args as Item).deadline);
      return note ? ok({ ...compact, note }, `${goalText(verb, compact)}\n${note}`) : ok(compact, goalText(verb, compact));
    },
  });
}

export const createGoal = answeredWithGoal(
  defineTool({ ...derived.create!, handler: (args, ctx) => withDatabaseHint(() => derived.create!.handler(args, ctx), 'ownerEmployeeId, ownerTeamId, leadId and alignedKeyResultId') }),
  'Created',
);

/**
 * GoalController.update catches a failed save and answers 202 with no body: the change is read back and
 * compared, so a change Gauzy did not keep (an unknown owner, team or lead id) is reported, not claimed.
 */
export const updateGoal = answeredWithGoal(
  defineTool({
    ...derived.update!,
    async handler(args, ctx) {
      const { id, ...changes } = args as Item & { id: string };
      if (changes.alignedKeyResultId) {
        const keyResult = await readKeyResult(ctx, String(changes.alignedKeyResultId));
        if (keyResult.goalId === id) throw invalid('update_goal', 'alignedKeyResultId', "that is one of this goal's own key results: align it under another goal's");
      }
      if (changes.level !== undefined || changes.ownerEmployeeId !== undefined || changes.ownerTeamId !== undefined) {
        const current = await readGoal(ctx, id, []);
        const level = changes.level ?? current.level;
        const owners = { ownerEmployeeId: changes.ownerEmployeeId ?? (level === 'Employee' ? current.ownerEmployeeId : undefined), ownerTeamId: changes.ownerTeamId ?? (level === 'Team' ? current.ownerTeamId : undefined) };
        checkOwner('update_goal', level, owners);
        // Moving a goal to another level drops the owner of the old one, as the web app's form does.
        if (level !== 'Employee' && current.ownerEmployeeId) (args as Item).ownerEmployeeId = null;
        if (level !== 'Team' && current.ownerTeamId) (args as Item).ownerTeamId = null;
      }
      return derived.update!.handler(args, ctx);
    },
  }),
  'Updated',
  (args, goal) => {
    const lost = Object.entries(args).filter(([key, value]) => key !== 'id' && key !== 'organizationId' && value !== undefined && (goal[key] ?? null) !== value);
    if (lost.length) {
      throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_REQUEST', ['update_goal'], {
        status: 202,
        gauzyMessages: [`Gauzy answered 202 but did not save ${lost.map(([key]) => key).join(', ')} (its goal update hides database errors: is each id an employee or team of this organization?).`],
      });
    }
  },
);

export const deleteGoal = defineTool({
  ...derived.delete!,
  handler: (args, ctx) => withRefusalHints(() => derived.delete!.handler(args, ctx), [alignedHint]),
});

/**
 * Gauzy has no progress route (PUT /api/goals/:id/progress does not exist) and computes nothing: its web app sets
 * a goal's progress to its key results' progress weighted by their weights whenever one is updated. This tool
 * does the same; a goal without key results takes the progress given.
 */
export const updateGoalProgress = defineTool({
  name: 'update_goal_progress',
  title: 'Goal progress',
  description: "Recompute a goal's progress from its key results, weighted as Gauzy's app does.",
  toolset,
  effect: 'write',
  idempotent: true,
  input: z.object({ id: uuid(), progress: z.number().min(0).max(100).optional() }),
  output: entityOutput,
  routes: [GOALS_LIST, GOAL_UPDATE],
  async handler({ id, progress }, ctx) {
    const goal = await readGoal(ctx, id);
    const keyResults = (goal.keyResults as Item[] | undefined) ?? [];
    const computed = goalProgress(keyResults);
    if (computed !== undefined && progress !== undefined) {
      throw invalid('update_goal_progress', 'progress', `the goal has ${keyResults.length} key result(s), so its progress is computed from them (${computed}%); leave progress out, or record a key result's value with update_key_result_progress`);
    }
    const next = computed ?? progress;
    if (next === undefined) throw invalid('update_goal_progress', 'progress', 'the goal has no key results: give its progress (0-100)');
    const previous = Number(goal.progress ?? 0);
    if (next !== previous) await saveGoalProgress(ctx, goal, next);
    const updated = compactGoal(await readGoal(ctx, id));
    const how = computed !== undefined ? `from ${keyResults.length} key result(s), weighted` : 'as given (no key results)';
    return ok({ ...updated, previousProgress: previous }, `${next === previous ? 'Unchanged' : `Progress ${previous}% → ${next}%`} (${how}).\n${goalText('Now', updated)}`);
  },
});

/**
 * Gauzy has no align route (POST /api/goals/:id/align does not exist): a goal is aligned with a key result of
 * another goal (Goal.alignedKeyResultId, the web app's "assign as objective"), which update_goal sets.
 */
export const retiredGoalTools = [
  retiredTool({
    name: 'align_goals',
    title: 'Align a goal under another',
    toolset,
    reason:
      "Gauzy has no align route (POST /api/goals/:id/align does not exist) and aligns a goal with a key result of its parent, not with the parent goal. " +
      "update_goal with alignedKeyResultId (one of the parent's key results: list_goals with the parent's id lists them) aligns it; create_goal takes it too.",
  }),
];
