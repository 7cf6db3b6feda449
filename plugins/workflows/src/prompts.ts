import type { PromptDefinition } from '@gauzy-mcp/core';

type GetPromptResult = Awaited<ReturnType<PromptDefinition['get']>>;

/**
 * The product's documented use cases as MCP prompts: each is the plan a model follows, naming the tools it
 * calls and the arguments to give them. `uses` lists those tools, so a server lists a prompt only when it
 * serves them (the finance and reporting tools sit in toolsets that are off by default).
 */

const asked = (text: string): GetPromptResult => ({ messages: [{ role: 'user', content: { type: 'text', text } }] });

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Refuses an argument that is not what the plan needs, naming it and the form it takes. */
function need(ok: boolean, argument: string, form: string): void {
  if (!ok) throw new Error(`Invalid argument ${argument}: give ${form}`);
}

/** The month before the one of `now`, as YYYY-MM. */
export function lastMonth(now = new Date()): string {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return first.toISOString().slice(0, 7);
}

const monthRange = (month: string) => {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return { start: `${month}-01`, end: new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10) };
};

export const projectSetup: PromptDefinition = {
  name: 'project-setup',
  title: 'Set up a project',
  description: 'Create a project, staff it and give it its first tasks.',
  arguments: [
    { name: 'projectName', description: 'The new project', required: true },
    { name: 'members', description: 'Who works on it: names or emails, comma-separated' },
    { name: 'tasks', description: 'First tasks: titles, semicolon-separated' },
  ],
  uses: ['list_projects', 'create_project', 'list_employees', 'assign_project_to_employee', 'create_task'],
  get: async ({ projectName, members, tasks }) => {
    need(Boolean(projectName?.trim()), 'projectName', 'the project\'s name');
    const people = (members ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
    const titles = (tasks ?? '').split(';').map((entry) => entry.trim()).filter(Boolean);
    return asked(
      [
        `Set up the project "${projectName}" in Gauzy.`,
        `1. Call list_projects with name "${projectName}" to make sure it does not exist yet; if it does, stop and say so.`,
        `2. Call create_project with name "${projectName}" (ask me for a budget or dates only if I gave them).`,
        people.length
          ? `3. For each of ${people.map((person) => `"${person}"`).join(', ')}: call list_employees with name (part of the name or the email) to find their employee id, then assign_project_to_employee with the project's id and that employee id. If a name matches no one or several people, ask me which.`
          : '3. Ask me who works on it; find each with list_employees and add them with assign_project_to_employee.',
        titles.length
          ? `4. Create the first tasks with create_task, one call each, with projectId set: ${titles.map((title) => `"${title}"`).join(', ')}.`
          : '4. Ask me for the first tasks and create each with create_task (projectId set).',
        '5. Answer with the project (name and id), its members by name, and its tasks with their keys.',
      ].join('\n'),
    );
  },
};

export const weeklyTeamReport: PromptDefinition = {
  name: 'weekly-team-report',
  title: 'Weekly team report',
  description: "A status mail of a week's work: hours per project and person, who went over 40 hours, tasks completed.",
  arguments: [{ name: 'weekStart', description: 'Monday of the week, YYYY-MM-DD (default: this week)' }],
  uses: ['generate_report'],
  get: async ({ weekStart }) => {
    need(weekStart === undefined || weekStart === '' || DAY.test(weekStart), 'weekStart', 'a day as YYYY-MM-DD');
    return asked(
      [
        `Write the weekly team report for ${weekStart ? `the week from ${weekStart}` : 'this week'}.`,
        `1. Call generate_report with kind "weekly"${weekStart ? ` and startDate "${weekStart}"` : ''} (groupBy "project"), then again with groupBy "employee".`,
        '2. From the answers only (do not invent figures): the total hours; a short table of hours per project with who worked on each; hours per person; anyone over 40 hours, by name; the tasks completed.',
        '3. Keep it to what a status mail needs: the period in the first line, then the tables, then one or two sentences on what stands out.',
      ].join('\n'),
    );
  },
};

export const monthEndExpenses: PromptDefinition = {
  name: 'month-end-expenses',
  title: 'Month-end expense processing',
  description: "Approve a month's small pending expenses for billing, invoice them per client and record payments received.",
  arguments: [
    { name: 'month', description: 'YYYY-MM (default: last month)' },
    { name: 'threshold', description: 'Approve expenses under this amount (default 100)' },
  ],
  uses: ['list_expenses', 'bulk_update_expenses', 'create_invoice', 'create_payment'],
  get: async ({ month, threshold }) => {
    const which = month?.trim() || lastMonth();
    need(MONTH.test(which), 'month', 'a month as YYYY-MM');
    const limit = threshold?.trim() ? Number(threshold) : 100;
    need(Number.isFinite(limit) && limit > 0, 'threshold', 'a positive amount');
    const { start, end } = monthRange(which);
    return asked(
      [
        `Process the expenses of ${which}.`,
        `1. Call list_expenses with status "UNINVOICED", startDate "${start}", endDate "${end}" and maxAmount ${limit} (take 100; page with skip while nextSkip is given). Gauzy has no approval step: "pending" is UNINVOICED.`,
        '2. Show me the list (amount, currency, client, purpose) and ask before changing anything.',
        '3. When I agree, call bulk_update_expenses once with updates [{ id, status: "INVOICED" }, ...] for those expenses; report which failed and why, and go on with the rest.',
        '4. For each client among the approved expenses, call create_invoice with toContactId, today as invoiceDate, a dueDate 30 days on, the expenses\' currency and one item per expense (price = amount, quantity 1, expenseId set). The tool works out the total.',
        '5. If I tell you a client has paid, call create_payment with that invoiceId and the amount; the invoice\'s status follows.',
        '6. Answer with a table: invoices made (number, client, total) and what is still UNINVOICED above the threshold.',
      ].join('\n'),
    );
  },
};

export const recruitmentPipeline: PromptDefinition = {
  name: 'recruitment-pipeline',
  title: 'Recruitment pipeline review',
  description: 'Review candidates in a stage by their feedback, move the strongest forward and close the rest.',
  arguments: [{ name: 'status', description: 'The stage to review: APPLIED (default), or another candidate status' }],
  uses: ['list_candidates', 'get_candidate_evaluations', 'update_candidate_stage'],
  get: async ({ status }) => {
    const stage = status?.trim() || 'APPLIED';
    need(/^[A-Z_]+$/.test(stage), 'status', 'a candidate status such as APPLIED');
    return asked(
      [
        `Review the candidates in stage ${stage}.`,
        `1. Call list_candidates with status "${stage}".`,
        '2. For each, call get_candidate_evaluations and sum up their feedback (ratings, interviewers\' notes) in one line.',
        '3. Propose who moves forward and who is rejected, with the reason from the feedback, and wait for my go-ahead.',
        '4. Then call update_candidate_stage for each: the next status for those moving on, REJECTED for the others.',
        '5. Answer with who moved to what, by name.',
      ].join('\n'),
    );
  },
};

export const operationsDashboard: PromptDefinition = {
  name: 'operations-dashboard',
  title: 'Operations dashboard',
  description: 'Who is working right now, how the active projects stand, what is due soon and the hours of the last days.',
  arguments: [{ name: 'days', description: 'Hours of the last N days (default 7)' }],
  uses: ['get_active_timers', 'list_projects', 'get_project_progress', 'list_tasks', 'get_daily_time_report'],
  get: async ({ days }) => {
    const span = days?.trim() ? Number(days) : 7;
    need(Number.isInteger(span) && span > 0 && span <= 31, 'days', 'a whole number of days from 1 to 31');
    return asked(
      [
        'Give me the operations dashboard.',
        '1. Call get_active_timers: who is tracking time now, on what.',
        '2. Call list_projects with status "in-progress", then get_project_progress for each (at most ten): the share of tasks done.',
        '3. Call list_tasks with a due-date range of today to seven days on: what is due, and who has it.',
        `4. Call get_daily_time_report for the last ${span} days: hours per day and per person.`,
        '5. Answer in four short sections with those headings, figures only from the answers.',
      ].join('\n'),
    );
  },
};

export const WORKFLOW_PROMPTS: readonly PromptDefinition[] = [projectSetup, weeklyTeamReport, monthEndExpenses, recruitmentPipeline, operationsDashboard];
