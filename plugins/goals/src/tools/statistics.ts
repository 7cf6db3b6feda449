import { dataQuery, defineTool, defined, labelWithId, listOutput, listResult, normalizePage, ok, pagination } from '@gauzy-mcp/core';
import { z } from 'zod';
import { GOALS_TOOLSET, describeTemplate, goalTemplateEntity } from '../entities.js';
import { GOALS_LIST, compactGoal, readGoals, refOf } from './read.js';

type Item = Record<string, unknown>;

/** A group's figures: how many, their average progress, how many are done (100% or more) and not started (0%). */
interface Group { id?: string; name: string; count: number; averageProgress: number; done: number; notStarted: number }

function groupBy(items: readonly Item[], key: (item: Item) => { id?: string; name: string }): Group[] {
  const groups = new Map<string, Group & { sum: number }>();
  for (const item of items) {
    const { id, name } = key(item);
    const progress = Number(item.progress) || 0;
    const group = groups.get(id ?? name) ?? { ...(id ? { id } : {}), name, count: 0, sum: 0, averageProgress: 0, done: 0, notStarted: 0 };
    group.count += 1;
    group.sum += progress;
    if (progress >= 100) group.done += 1;
    if (progress === 0) group.notStarted += 1;
    groups.set(id ?? name, group);
  }
  return [...groups.values()]
    .map(({ sum, ...group }) => ({ ...group, averageProgress: Math.round(sum / group.count) }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

const groupText = (group: Group) => `${group.id ? labelWithId(group as { id: string; name: string }) : group.name}: ${group.count}, average ${group.averageProgress}%, ${group.done} done, ${group.notStarted} not started`;

const ownerOf = (goal: Item) => {
  const ref = (refOf(goal.ownerEmployee) ?? refOf(goal.ownerTeam)) as Item | null | undefined;
  return ref ? { id: String(ref.id), name: String(ref.name ?? ref.id) } : { name: 'the organization' };
};

/**
 * Gauzy has no statistics route for goals or key results (GET /api/goals/statistics is read as /:id): the goals
 * are read once with their key results and summed here, the goals per level, time frame and owner, their key
 * results per status, type and owner, with those past their hard deadline.
 */
export const getGoalStatistics = defineTool({
  name: 'get_goal_statistics',
  title: 'Goal statistics',
  description: 'Goal and key result totals: progress, done, overdue, per level, time frame, owner, status.',
  toolset: GOALS_TOOLSET,
  aliases: ['get_key_result_statistics'],
  effect: 'read',
  input: z.object({ deadline: z.string().optional().describe('Time frame name') }),
  output: z.looseObject({ goals: z.number() }),
  routes: [GOALS_LIST],
  async handler(filters, ctx) {
    const goals = (await readGoals(ctx, defined(filters))).map(compactGoal);
    const [all] = groupBy(goals, () => ({ name: 'all' }));
    const byLevel = groupBy(goals, (goal) => ({ name: String(goal.level ?? 'none') }));
    const byTimeFrame = groupBy(goals, (goal) => ({ name: String(goal.deadline ?? 'none') }));
    const byOwner = groupBy(goals, ownerOf);
    const keyResults = goals.flatMap((goal) => (goal.keyResults as Item[] | undefined) ?? []);
    const now = Date.now();
    const overdue = keyResults.filter((keyResult) => keyResult.hardDeadline && Date.parse(String(keyResult.hardDeadline)) < now && (Number(keyResult.progress) || 0) < 100);
    const [allKeyResults] = groupBy(keyResults, () => ({ name: 'all' }));
    const keyResultStats = {
      count: keyResults.length, averageProgress: allKeyResults?.averageProgress ?? 0, done: allKeyResults?.done ?? 0,
      overdue: overdue.map((keyResult) => ({ id: keyResult.id, name: keyResult.name, hardDeadline: keyResult.hardDeadline, progress: keyResult.progress })),
      byStatus: groupBy(keyResults, (keyResult) => ({ name: String(keyResult.status ?? 'none') })),
      byType: groupBy(keyResults, (keyResult) => ({ name: String(keyResult.type ?? 'none') })),
      byOwner: groupBy(keyResults, (keyResult) => {
        const owner = keyResult.owner as Item | undefined;
        return owner ? { id: String(owner.id), name: String(owner.name ?? owner.id) } : { name: 'no owner' };
      }),
    };
    const structured = { goals: goals.length, averageProgress: all?.averageProgress ?? 0, done: all?.done ?? 0, notStarted: all?.notStarted ?? 0, byLevel, byTimeFrame, byOwner, keyResults: keyResultStats };
    const text = goals.length
      ? [
          `${goals.length} goals: average progress ${structured.averageProgress}%, ${structured.done} done, ${structured.notStarted} not started.`,
          `By level: ${byLevel.map(groupText).join('; ')}.`,
          `By time frame: ${byTimeFrame.map(groupText).join('; ')}.`,
          `By owner: ${byOwner.map(groupText).join('; ')}.`,
          `${keyResults.length} key results: average progress ${keyResultStats.averageProgress}%, ${keyResultStats.done} done, ${overdue.length} past their hard deadline.`,
          ...(keyResults.length
            ? [
                `Key results by status: ${keyResultStats.byStatus.map(groupText).join('; ')}.`,
                `Key results by type: ${keyResultStats.byType.map(groupText).join('; ')}.`,
                `Key results by owner: ${keyResultStats.byOwner.map(groupText).join('; ')}.`,
              ]
            : []),
          ...overdue.map((keyResult) => `- overdue: ${String(keyResult.name)} (id ${String(keyResult.id)}) due ${String(keyResult.hardDeadline).slice(0, 10)}, ${String(keyResult.progress)}%`),
        ].join('\n')
      : 'No goals match.';
    return ok(structured, text);
  },
});

const TEMPLATES = 'GET /api/goal-templates' as const;

/** GET /api/goal-templates (`?data={findInput}`) answers every match with its key result templates: the page is cut here. */
export const listGoalTemplates = defineTool({
  name: 'list_goal_templates',
  title: 'Goal templates',
  description: 'Goal templates with their key results, to start a goal from.',
  toolset: GOALS_TOOLSET,
  aliases: goalTemplateEntity.aliases?.list,
  effect: 'read',
  input: z.object({ ...pagination }),
  output: listOutput,
  routes: [TEMPLATES],
  async handler({ take, skip, ...filters }, ctx) {
    const answer = await ctx.gauzy.get(TEMPLATES.slice(4), {
      query: dataQuery({ findInput: { ...defined(filters), organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId } }),
    });
    const items = normalizePage(answer).items.map((template) => ({
      ...template,
      keyResults: ((template.keyResults as Item[] | undefined) ?? []).map(({ id, name, type, unit, initialValue, targetValue, deadline }) => ({ id, name, type, unit, initialValue, targetValue, deadline })),
    }));
    return listResult({ items, unpaged: true, skip, take, noun: 'goal templates', describe: describeTemplate });
  },
});
