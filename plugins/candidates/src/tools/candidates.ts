import { randomBytes } from 'node:crypto';
import {
  crudTools,
  defined,
  defineTool,
  entityFieldsParam,
  entityOutput,
  listOutput,
  pick,
  GauzyMcpError,
  ok,
  pagination,
  relationsParam,
  scopeWhere,
  uuid,
  withRefusalHints,
  type RefusalHint,
} from '@gauzy-mcp/core';
import { z } from 'zod';
import { CANDIDATES_TOOLSET as toolset, CandidateStatus, candidateEntity, candidateFields, describeCandidate } from '../entities.js';
import { findCandidates } from './find.js';
import { CANDIDATE_BY_ID, CANDIDATE_ROUTE, candidateLabel, readCandidate } from './read.js';

type Item = Record<string, unknown>;

const relations = relationsParam(candidateEntity.include);
/** Every answer names the candidate, so the user is always joined. */
const withUser = (paths: readonly string[] | undefined) => [...new Set(['user', ...(paths ?? [])])];

export const listCandidates = defineTool({
  name: 'list_candidates',
  title: 'List candidates',
  description: 'Find or list the organization\'s candidates, newest first: by part of the name or email, stage (status), position or source.',
  toolset,
  aliases: candidateEntity.aliases?.list,
  effect: 'read',
  input: z.object({
    name: z.string().trim().min(1).optional().describe('Part of the name or email'),
    ...candidateEntity.filters,
    ...pagination,
    fields: entityFieldsParam(candidateEntity),
    relations,
  }),
  output: listOutput,
  routes: [`GET ${CANDIDATE_ROUTE}`],
  handler: (args, ctx) => findCandidates(args, ctx),
});

/** What a relation the caller asked for adds to a candidate's text: counts and names, the records are in the structure. */
function relationFacts(candidate: Item, paths: readonly string[]): string[] {
  const list = (key: string) => (Array.isArray(candidate[key]) ? (candidate[key] as Item[]) : undefined);
  const facts: string[] = [];
  const named = (key: string, label: (entry: Item) => unknown) => {
    const entries = list(key);
    if (entries && paths.includes(key)) facts.push(`${key}: ${entries.map((entry) => `${String(label(entry))} (id ${String(entry.id)})`).join(', ') || 'none'}`);
  };
  named('skills', (skill) => skill.name);
  named('experience', (entry) => `${String(entry.occupation)}, ${String(entry.duration)}`);
  named('educations', (entry) => `${String(entry.degree)}, ${String(entry.schoolName)}`);
  named('interview', (entry) => entry.title);
  named('tags', (tag) => tag.name);
  named('feedbacks', (feedback) => `rating ${String(feedback.rating)}`);
  return facts;
}

export const getCandidateById = defineTool({
  name: 'get_candidate_by_id',
  title: 'Get a candidate',
  description: 'Get one candidate by id, optionally with feedbacks, interviews, skills, experience, educations, tags, source or position.',
  toolset,
  aliases: candidateEntity.aliases?.get,
  effect: 'read',
  input: z.object({ id: uuid(), relations }),
  output: entityOutput,
  routes: [`GET ${CANDIDATE_BY_ID}`],
  async handler({ id, relations: paths }, ctx) {
    const candidate = await readCandidate(ctx, id, withUser(paths));
    return ok(candidate, [`Found candidate: ${describeCandidate(candidate)}`, ...relationFacts(candidate, paths ?? [])].join('\n'));
  },
});

export const createCandidate = defineTool({
  name: 'create_candidate',
  title: 'Add a candidate',
  description: 'Add a candidate (status APPLIED): Gauzy creates their user with the CANDIDATE role and emails them a welcome.',
  toolset,
  effect: 'write',
  input: z.object({
    firstName: z.string().trim().min(1),
    lastName: z.string().trim().min(1),
    email: z.email(),
    password: z.string().min(8).optional().describe('Default: random'),
    source: z.string().trim().min(1).optional().describe('e.g. LinkedIn'),
    ...candidateFields,
  }),
  output: entityOutput,
  routes: [`POST ${CANDIDATE_ROUTE}`],
  async handler({ firstName, lastName, email, password, source, ...columns }, ctx) {
    const scope = { organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId };
    // CreateCandidateDTO: a non-empty `user` (CandidateCreateHandler gives it the CANDIDATE role) and a `password` of 8+
    // characters; the other columns pass (no whitelist). `source` is saved with the candidate (cascade), as Gauzy's app sends it.
    const created = await ctx.gauzy.post<Item>(CANDIDATE_ROUTE, {
      ...defined(columns),
      user: { firstName, lastName, email },
      password: password ?? randomBytes(18).toString('base64url'),
      ...(source ? { source: { name: source, ...scope } } : {}),
      ...scope,
    });
    const candidate = { ...created, user: created.user ?? { firstName, lastName, email } };
    return ok(candidate, `Created candidate: ${describeCandidate(candidate)}${password ? '' : '. Their password is random: they sign in after resetting it.'}`);
  },
});


export const updateCandidate = defineTool({
  name: 'update_candidate',
  title: 'Update a candidate',
  description: 'Change a candidate\'s rating, level, CV link, applied date or position; only the fields given change. update_candidate_stage hires or rejects.',
  toolset,
  aliases: candidateEntity.aliases?.update,
  effect: 'write',
  idempotent: true,
  input: z.object({ id: uuid(), ...candidateFields }),
  output: entityOutput,
  routes: [`GET ${CANDIDATE_BY_ID}`, `PUT ${CANDIDATE_BY_ID}`],
  async handler({ id, ...rawChanges }, ctx) {
    const changes = defined(rawChanges);
    if (!Object.keys(changes).length) {
      throw new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', ['update_candidate'], { issues: [{ field: '(arguments)', message: `give at least one field to change: ${Object.keys(candidateFields).join(', ')}` }], fields: ['(arguments)'] });
    }
    // PUT answers 400 for an id that is no candidate (CandidateService.create saves a new row without a user): look it up first.
    const current = await readCandidate(ctx, id);
    const answer = await ctx.gauzy.put<Item>(CANDIDATE_BY_ID, { ...changes, organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId }, { params: { id } });
    // save() answers the saved columns and null for every other one (status, dates): only the change is taken from it.
    const candidate = { ...current, ...changes, ...(typeof answer?.updatedAt === 'string' ? { updatedAt: answer.updatedAt } : {}) };
    return ok(candidate, `Updated candidate: ${describeCandidate(candidate)}`);
  },
});

/** Gauzy's refusals of a stage change, with the way out. */
const STAGE_HINTS: readonly RefusalHint[] = [
  { code: 'GMCP_ERR_GAUZY_CONFLICT', match: /already hired/i, hint: 'A hired candidate is an employee now and stays hired; find them with list_employees.' },
];

/** What a stage change sets (CandidateHiredHandler, CandidateRejectedHandler, the PUT of APPLIED). */
const STAGE_COLUMNS = ['status', 'hiredDate', 'rejectDate', 'employeeId', 'employee', 'updatedAt'];

const STAGE_TEXT: Record<z.infer<typeof CandidateStatus>, string> = {
  HIRED: 'is HIRED: Gauzy made them an employee',
  REJECTED: 'is REJECTED: Gauzy emails them its rejection notice',
  APPLIED: 'is back to APPLIED',
};

export const updateCandidateStage = defineTool({
  name: 'update_candidate_stage',
  title: 'Hire, reject or reopen a candidate',
  description: 'Move a candidate to HIRED (Gauzy makes them an employee), REJECTED (Gauzy emails them) or back to APPLIED.',
  toolset,
  aliases: ['update_candidate_status'],
  effect: 'write',
  idempotent: true,
  input: z.object({ id: uuid(), status: CandidateStatus }),
  output: entityOutput,
  routes: [`GET ${CANDIDATE_BY_ID}`, `PUT ${CANDIDATE_BY_ID}/:status`, `PUT ${CANDIDATE_BY_ID}`],
  async handler({ id, status }, ctx) {
    const current = await readCandidate(ctx, id);
    let answer: Item;
    if (status === 'APPLIED') {
      // No route reopens a candidate; PUT /:id saves the status (the DTO has no whitelist). A hire made an employee: that stays.
      if (current.status === 'HIRED') {
        throw new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', ['update_candidate_stage'], { issues: [{ field: 'status', message: `${candidateLabel(current)} is hired (an employee); Gauzy cannot take a hire back` }], fields: ['status'] });
      }
      answer = await ctx.gauzy.put<Item>(CANDIDATE_BY_ID, { status, rejectDate: null, hiredDate: null, organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId }, { params: { id } });
    } else {
      answer = await withRefusalHints(
        () => ctx.gauzy.put<Item>(`${CANDIDATE_BY_ID}/:status`, { organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId }, { params: { id, status: status.toLowerCase() } }),
        STAGE_HINTS,
      );
    }
    // The answers carry null for columns the change did not touch (organizationId, appliedDate): only the stage's own are taken.
    const changed = answer && typeof answer === 'object' ? pick(answer, STAGE_COLUMNS) : {};
    const candidate: Item = { ...current, ...changed, status };
    const employee = candidate.employee as Item | undefined;
    const text = `${candidateLabel(candidate)} ${STAGE_TEXT[status]}${status === 'HIRED' && employee?.id ? ` (employee id ${String(employee.id)})` : ''}.`;
    return ok(candidate, text);
  },
});

const derived = crudTools(candidateEntity, {
  toolset,
  tools: {
    list: false, pagination: false, get: false, create: false, update: false,
    count: { description: 'Count the organization\'s candidates, optionally by status, position or source.', filters: candidateEntity.filters },
    delete: { description: 'Permanently delete one candidate by id, with their feedbacks, interviews, skills, experience and educations (their user stays). update_candidate_stage rejects instead.' },
  },
});

export const candidateCrudTools = [listCandidates, getCandidateById, derived.count!, createCandidate, updateCandidate, updateCandidateStage, derived.delete!];

