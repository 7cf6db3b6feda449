import { GauzyMcpError, dataQuery, isGauzyMcpError, normalizePage, personName, type ToolContext } from '@gauzy-mcp/core';
import { goalEntity, keyResultEntity } from '../entities.js';

/*
 * How the pack reads goals and key results. Goals come from GET /api/goals (`?data={findInput,relations}`:
 * TypeORM equality on the findInput, every match at once, oldest first); GET /api/goals/:id joins nothing, so a
 * goal is that list with its id. Key results are read through their goals (the same route with
 * `keyResults.owner.user` joined), since GET /api/key-results answers the whole tenant's key results without
 * owners or goals; one key result with its updates comes from GET /api/key-results/:id (`{items,total}`).
 */

type Item = Record<string, unknown>;

export const GOALS_LIST = 'GET /api/goals' as const;
export const GOAL_UPDATE = 'PUT /api/goals/:id' as const;
export const KEY_RESULT_BY_ID = 'GET /api/key-results/:id' as const;
export const KEY_RESULT_UPDATE = 'PUT /api/key-results/:id' as const;

const path = (route: string) => route.slice(route.indexOf(' ') + 1);

/** What a goal's line names: its owner (employee or team), lead and key results with their owners. */
export const GOAL_RELATIONS = ['ownerEmployee', 'ownerEmployee.user', 'ownerTeam', 'lead', 'lead.user', 'keyResults', 'keyResults.owner', 'keyResults.owner.user'];

/** A related record as `{ id, name }` (an employee by their user's name). */
export function refOf(value: unknown): Item | null | undefined {
  if (value === null) return null;
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Item;
  const name = (record.user ? personName(record) : undefined) ?? (typeof record.name === 'string' ? record.name : undefined);
  return { id: record.id, ...(name ? { name } : {}) };
}

const withRefs = (item: Item, keys: readonly string[]): Item => {
  const out: Item = { ...item };
  for (const key of keys) if (key in item) out[key] = refOf(item[key]);
  return out;
};

/** A key result as the tools answer it: its columns, owner and lead as `{ id, name }`, its goal as `{ id, name }`. */
export function compactKeyResult(keyResult: Item, goal?: Item): Item {
  const { updates: _updates, ...rest } = keyResult;
  const out = withRefs(rest, ['owner', 'lead']);
  const parent = goal ?? (keyResult.goal as Item | undefined);
  if (parent && typeof parent === 'object') out.goal = { id: parent.id, name: parent.name, progress: parent.progress };
  return out;
}

/** A goal as the tools answer it: owner, team and lead as `{ id, name }`, its key results compact, and how many. */
export function compactGoal(goal: Item): Item {
  const out = withRefs(goal, ['ownerEmployee', 'ownerTeam', 'lead']);
  if (Array.isArray(goal.keyResults)) {
    const keyResults = goal.keyResults as Item[];
    out.keyResults = keyResults.map((keyResult) => {
      const { goal: _goal, ...rest } = compactKeyResult(keyResult);
      return rest;
    });
    out.keyResultCount = keyResults.length;
  }
  return out;
}

/** The organization's goals matching `findInput` (Gauzy's equality), with `relations` joined. */
export async function readGoals(ctx: ToolContext, findInput: Item, relations: readonly string[] = GOAL_RELATIONS): Promise<Item[]> {
  const answer = await ctx.gauzy.get(path(GOALS_LIST), {
    query: dataQuery({ findInput: { ...findInput, organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId }, relations: [...relations] }),
  });
  return normalizePage(answer).items;
}

const notFound = (noun: string, id: string) =>
  new GauzyMcpError('GMCP_ERR_GAUZY_NOT_FOUND', ['HTTP 404'], { status: 404, gauzyMessages: [`No ${noun} with id ${id} in this organization.`] });

/** One goal with its relations; Gauzy's 404 wording when the organization has none with that id. */
export async function readGoal(ctx: ToolContext, id: string, relations: readonly string[] = GOAL_RELATIONS): Promise<Item> {
  const [goal] = await readGoals(ctx, { id }, relations);
  if (!goal) throw notFound(goalEntity.noun, id);
  return goal;
}

/**
 * One key result with its updates, goal, owner and lead, from the controller's own GET /:id (an unknown id is an
 * empty list there, answered here as a 404). Scoped to the organization here (by its own or its goal's): that route filters the tenant only.
 */
export async function readKeyResult(ctx: ToolContext, id: string): Promise<Item> {
  const { items } = normalizePage(await ctx.gauzy.get(path(KEY_RESULT_BY_ID), { params: { id } }));
  // Gauzy's seed stores key results without an organization: then their goal's says whose they are.
  const organizationOf = (item: Item) => item.organizationId ?? (item.goal as Item | undefined)?.organizationId;
  const found = items.find((item) => item.id === id && [undefined, null, ctx.scope.organizationId].includes(organizationOf(item) as string | undefined));
  if (!found) throw notFound(keyResultEntity.noun, id);
  return found;
}

/** The organization's key results through their goals, each with its goal as `{ id, name, progress }`. */
export async function readKeyResults(ctx: ToolContext, goalId?: string): Promise<Item[]> {
  const goals = await readGoals(ctx, goalId ? { id: goalId } : {}, ['keyResults', 'keyResults.owner', 'keyResults.owner.user', 'keyResults.lead', 'keyResults.lead.user']);
  return goals.flatMap((goal) => ((goal.keyResults as Item[] | undefined) ?? []).map((keyResult) => compactKeyResult(keyResult, goal)));
}

/** Sets a goal's progress (PUT saves what it is sent; GoalDTO requires the name on every PUT). */
export async function saveGoalProgress(ctx: ToolContext, goal: Item, progress: number): Promise<void> {
  await ctx.gauzy.put(path(GOAL_UPDATE), { name: goal.name, progress, organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId }, { params: { id: String(goal.id) } });
}

export const TIME_FRAMES = 'GET /api/goal-time-frame' as const;

/**
 * A sentence when a goal's deadline names no time frame of the organization: Gauzy stores any text, but its web
 * app offers, groups and checks goals by their time frame's name.
 */
export async function timeFrameNote(ctx: ToolContext, deadline: unknown): Promise<string | undefined> {
  if (typeof deadline !== 'string') return undefined;
  const answer = await ctx.gauzy.get(path(TIME_FRAMES), { query: dataQuery({ findInput: { organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId } }) });
  const names = normalizePage(answer).items.map((frame) => String(frame.name));
  if (names.includes(deadline)) return undefined;
  return `No time frame of this organization is named "${deadline}"${names.length ? ` (they are: ${names.join(', ')})` : ''}; Gauzy keeps the goal, but its web app groups goals by their time frame.`;
}

/**
 * A save the database refused: Gauzy (SQLite) answers it as a 400 carrying the query and the driver's code
 * but no message (seen on the real Gauzy for an owner, team, lead or goal id that is no row). The refusal gets
 * a sentence on what to check.
 */
export async function withDatabaseHint<T>(call: () => Promise<T>, ids: string): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isGauzyMcpError(error) && error.code === 'GMCP_ERR_GAUZY_BAD_REQUEST' && !((error.details.gauzyMessages as unknown[] | undefined) ?? []).length) {
      error.details.hint = `Gauzy's database refused the save without a message: check that ${ids} name existing records of this organization (list_goals, list_key_results; employees and teams by their tools).`;
    }
    throw error;
  }
}
