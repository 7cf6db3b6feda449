/**
 * The product's example prompts, played as a model would play them: the tool calls it would make from the
 * names and descriptions alone, and a check that the text alone answers. The checks hold on any Gauzy (no
 * fixed data), so `gauzy-mcp prompts` can run them against an operator's own (issue #14).
 */

export interface PromptAnswer {
  isError: boolean;
  text: string;
  structured?: Record<string, unknown>;
}

export interface PromptCaller {
  call(name: string, args?: Record<string, unknown>): Promise<PromptAnswer>;
}

export interface PromptOptions {
  /** Part of a project's name, for "who worked the most hours on the … project?" (default "platform"). */
  project?: string;
  /** Part of a task's title, for "start tracking time on the … task" (default "login"). */
  task?: string;
  now?: Date;
}

export interface PromptOutcome {
  prompt: string;
  calls: string[];
  /** Why the text does not answer, or undefined when it does. */
  failure?: string;
  answer: string;
}

type Item = Record<string, unknown>;
const MAX_CALLS = 3;

/** Records the calls a prompt makes, so each can be held to {@link MAX_CALLS}. */
function recorder(caller: PromptCaller) {
  const calls: string[] = [];
  return {
    calls,
    call: async (name: string, args: Record<string, unknown> = {}) => {
      calls.push(`${name} ${JSON.stringify(args)}`);
      return caller.call(name, args);
    },
  };
}

const day = (now: Date, offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

export async function playPrompts(caller: PromptCaller, options: PromptOptions = {}): Promise<PromptOutcome[]> {
  const now = options.now ?? new Date();
  const plays: Array<[string, (call: ReturnType<typeof recorder>['call']) => Promise<{ answer: PromptAnswer; failure?: string }>]> = [
    [
      'show all high-priority tasks due this week',
      async (call) => {
        const [from, to] = [day(now, 0), day(now, 6)];
        const answer = await call('list_tasks', { priority: 'high', dueDateFrom: from, dueDateTo: to, take: 100 });
        if (answer.isError) return { answer, failure: 'list_tasks failed' };
        const lines = answer.text.split('\n').filter((line) => line.startsWith('- '));
        const outside = lines.filter((line) => {
          const due = /due (\d{4}-\d{2}-\d{2})/.exec(line)?.[1];
          return !due || due < from || due > to || !line.includes('high');
        });
        return { answer, failure: outside.length ? `lines without a due date this week or not high: ${outside.join(' | ')}` : undefined };
      },
    ],
    [
      `who worked the most hours on the ${options.project ?? 'platform'} project?`,
      async (call) => {
        const found = await call('list_projects', { name: options.project ?? 'platform', take: 1 });
        const project = (found.structured?.items as Item[] | undefined)?.[0];
        if (found.isError || !project) return { answer: found, failure: `no project named like "${options.project ?? 'platform'}"` };
        const answer = await call('get_project_statistics', { projectId: String(project.id) });
        if (answer.isError) return { answer, failure: 'get_project_statistics failed' };
        if (/^No time tracked/.test(answer.text)) return { answer };
        const top = answer.text.split('By employee:')[1]?.split('\n').find((line) => line.startsWith('- '));
        return { answer, failure: top && /\(id [0-9a-f-]{36}\): [\d.]+ h/.test(top) ? undefined : 'the text names no employee with hours' };
      },
    ],
    [
      `start tracking time on the ${options.task ?? 'login'} task`,
      async (call) => {
        const found = await call('list_tasks', { title: options.task ?? 'login', take: 1 });
        const task = (found.structured?.items as Item[] | undefined)?.[0];
        if (found.isError || !task) return { answer: found, failure: `no task titled like "${options.task ?? 'login'}"` };
        const answer = await call('start_timer', { taskId: String(task.id), ...(task.projectId ? { projectId: String(task.projectId) } : {}) });
        if (!answer.isError) {
          await call('stop_timer', {});
          return { answer, failure: /Timer started/.test(answer.text) ? undefined : 'the text does not say the timer started' };
        }
        // A refusal answers the prompt too when it says what to do next.
        return { answer, failure: /What to do: /.test(answer.text) ? undefined : 'refused without saying what to do' };
      },
    ],
    [
      'show me all active projects and their current status',
      async (call) => {
        const answer = await call('list_projects', { status: 'in-progress', take: 100 });
        if (answer.isError) return { answer, failure: 'list_projects failed' };
        const lines = answer.text.split('\n').filter((line) => line.startsWith('- '));
        return { answer, failure: lines.every((line) => line.includes('[in-progress]')) ? undefined : 'a project line without its status' };
      },
    ],
  ];
  const outcomes: PromptOutcome[] = [];
  for (const [prompt, play] of plays) {
    const calls = recorder(caller);
    let outcome: PromptOutcome;
    try {
      const { answer, failure } = await play(calls.call);
      outcome = { prompt, calls: calls.calls, answer: answer.text, failure };
    } catch (error) {
      outcome = { prompt, calls: calls.calls, answer: '', failure: error instanceof Error ? error.message : String(error) };
    }
    // The timer prompt's stop_timer only tidies up after itself; the model's answer needs two calls.
    if (!outcome.failure && calls.calls.filter((entry) => !entry.startsWith('stop_timer')).length > MAX_CALLS) outcome.failure = `took ${calls.calls.length} calls (at most ${MAX_CALLS})`;
    outcomes.push(outcome);
  }
  return outcomes;
}

/** The report `gauzy-mcp prompts` prints: each prompt, its calls and the text that answered it. */
export function renderPromptReport(outcomes: readonly PromptOutcome[]): string {
  return outcomes
    .map((outcome) => [`# ${outcome.prompt} — ${outcome.failure ? `FAILED: ${outcome.failure}` : 'answered'}`, ...outcome.calls.map((call) => `> ${call}`), outcome.answer.split('\n').slice(0, 12).join('\n'), ''].join('\n'))
    .join('\n');
}
