import { dataQuery, defined, defineTool, normalizePage, ok, pagination, personName, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';
import { CANDIDATES_TOOLSET as toolset, CandidateStatus } from '../entities.js';

type Item = Record<string, unknown>;

const FEEDBACK_ROUTE = '/api/candidate-feedbacks';
/** A feedback's interviewer is a CandidateInterviewers row (interview + employee): the person is its employee's user. */
const FEEDBACK_RELATIONS = ['candidate', 'candidate.user', 'interview', 'interviewer', 'interviewer.employee', 'interviewer.employee.user'];

const MAX_BYTES = 24 * 1024;
const round = (value: number) => Math.round(value * 100) / 100;

interface Evaluation {
  id: string;
  rating: number | null;
  status: string | null;
  description: string | null;
  interviewer: { id: unknown; name: string | null } | null;
  interview: { id: unknown; title: unknown } | null;
  createdAt: unknown;
}

interface CandidateEvaluations {
  id: string;
  name: string | null;
  status: unknown;
  feedbackCount: number;
  averageRating: number | null;
  feedbacks: Evaluation[];
}

function evaluation(feedback: Item): Evaluation {
  const interviewer = feedback.interviewer as Item | null | undefined;
  const employee = interviewer?.employee as Item | undefined;
  const interview = feedback.interview as Item | null | undefined;
  const rating = Number(feedback.rating);
  return {
    id: String(feedback.id),
    rating: feedback.rating === null || feedback.rating === undefined || Number.isNaN(rating) ? null : rating,
    status: typeof feedback.status === 'string' ? feedback.status : null,
    description: typeof feedback.description === 'string' ? feedback.description : null,
    // The person (the employee), not the join row: that is who a reader asks about.
    interviewer: employee ? { id: employee.id, name: personName(employee) ?? null } : interviewer ? { id: interviewer.employeeId ?? interviewer.id, name: null } : null,
    interview: interview ? { id: interview.id, title: interview.title ?? null } : null,
    createdAt: feedback.createdAt,
  };
}

/** The feedbacks grouped per candidate, best average first (then by name), each candidate's newest feedback first. */
function byCandidate(feedbacks: Item[]): CandidateEvaluations[] {
  const groups = new Map<string, CandidateEvaluations>();
  for (const feedback of feedbacks) {
    const candidate = (feedback.candidate as Item | null | undefined) ?? { id: feedback.candidateId };
    const id = String(candidate.id ?? feedback.candidateId);
    const group = groups.get(id) ?? { id, name: personName(candidate) ?? null, status: candidate.status ?? null, feedbackCount: 0, averageRating: null, feedbacks: [] };
    group.feedbacks.push(evaluation(feedback));
    groups.set(id, group);
  }
  for (const group of groups.values()) {
    const rated = group.feedbacks.map((entry) => entry.rating).filter((rating): rating is number => rating !== null);
    group.feedbackCount = group.feedbacks.length;
    group.averageRating = rated.length ? round(rated.reduce((sum, rating) => sum + rating, 0) / rated.length) : null;
    group.feedbacks.sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
  }
  return [...groups.values()].sort((a, b) => (b.averageRating ?? -1) - (a.averageRating ?? -1) || String(a.name).localeCompare(String(b.name)));
}

function feedbackLine(entry: Evaluation): string {
  const by = entry.interviewer ? `by ${entry.interviewer.name ?? 'an interviewer'} (employee id ${String(entry.interviewer.id)})` : 'by no named interviewer';
  const interview = entry.interview ? ` in "${String(entry.interview.title)}" (interview id ${String(entry.interview.id)})` : '';
  const verdict = entry.status ? ` [${entry.status}]` : '';
  return `  - rating ${entry.rating ?? '-'}${verdict} ${by}${interview}: ${entry.description ?? '(no text)'} (id ${entry.id})`;
}

export const getCandidateEvaluations = defineTool({
  name: 'get_candidate_evaluations',
  title: 'Candidate feedbacks',
  description: 'Interview feedbacks (rating, interviewer, verdict, text) of one candidate or of every candidate in a stage, per candidate, best average first.',
  toolset,
  effect: 'read',
  input: z.object({ candidateId: uuid().optional(), candidateStatus: CandidateStatus.optional().describe('Only candidates in this stage'), ...pagination }),
  output: z.looseObject({ candidates: z.array(z.looseObject({})), total: z.number(), hasMore: z.boolean(), nextSkip: z.number().optional() }),
  routes: [`GET ${FEEDBACK_ROUTE}`],
  async handler({ candidateId, candidateStatus, take, skip }, ctx) {
    const findInput = defined({
      organizationId: ctx.scope.organizationId,
      tenantId: ctx.scope.tenantId,
      candidateId,
      ...(candidateStatus ? { candidate: { status: candidateStatus } } : {}),
    });
    // CandidateFeedbacksController.findAll answers every match (no paging): the groups are paged here.
    const { items } = normalizePage(await ctx.gauzy.get(FEEDBACK_ROUTE, { query: dataQuery({ findInput, relations: FEEDBACK_RELATIONS }) }));
    const groups = byCandidate(items);
    const page = groups.slice(skip, skip + take);
    // Bounded like every list: past the cap, the last candidates go to the next page.
    while (page.length > 1 && JSON.stringify(page).length > MAX_BYTES) page.pop();
    const nextSkip = skip + page.length;
    const hasMore = nextSkip < groups.length;
    const structured: Record<string, unknown> = { candidates: page, total: groups.length, feedbackTotal: items.length, skip, hasMore, ...(hasMore ? { nextSkip } : {}) };
    if (!groups.length) return ok(structured, `No feedbacks found${candidateId ? ` for candidate ${candidateId}` : ''}${candidateStatus ? ` of ${candidateStatus} candidates` : ''}.`);
    const lines = [`${items.length} feedbacks on ${groups.length} candidates${skip ? `, after the first ${skip}` : ''}:`];
    for (const group of page) {
      lines.push(`- ${group.name ?? '(unnamed candidate)'} (id ${group.id})${group.status ? ` [${String(group.status)}]` : ''}: average rating ${group.averageRating ?? '-'} of ${group.feedbackCount}`);
      lines.push(...group.feedbacks.map(feedbackLine));
    }
    if (hasMore) lines.push(`More available: call again with skip=${nextSkip}.`);
    return ok(structured, lines.join('\n'));
  },
});
