import { GauzyMcpError, personName, refusalIn200, scopeWhere, type ToolContext } from '@gauzy-mcp/core';

type Item = Record<string, unknown>;

/** candidateEntity's routes, as literals (a tool's routes are checked against Gauzy's table). */
export const CANDIDATE_ROUTE = '/api/candidate';
export const CANDIDATE_BY_ID = '/api/candidate/:id';

/**
 * One candidate, by id. CandidateController.findById validates FindOptionsQueryDTO, whose `where` is required
 * (a bare `?tenantId=` answers 400 "where should not be empty"), so the scope goes in `where[...]`.
 */
export async function readCandidate(ctx: ToolContext, id: string, relations: readonly string[] = ['user']): Promise<Item> {
  const candidate = await ctx.gauzy.get<Item>(CANDIDATE_BY_ID, { params: { id }, query: { where: scopeWhere(ctx.scope), ...(relations.length ? { relations: [...relations] } : {}) } });
  refusalIn200(candidate);
  if (!candidate || typeof candidate !== 'object' || typeof candidate.id !== 'string') throw new GauzyMcpError('GMCP_ERR_GAUZY_BAD_RESPONSE', ['expected a candidate']);
  return candidate;
}

/** A candidate's name with its id, for texts. */
export const candidateLabel = (candidate: Item) => `${personName(candidate) ?? '(unnamed candidate)'} (id ${String(candidate.id)})`;

/** A person joined as `{ id, name, email }`, what a line and a follow-up call (an email) need. */
export function personRef(value: unknown): Item | null {
  if (!value || typeof value !== 'object') return null;
  const record = value as Item;
  return { id: record.id, name: personName(record) ?? null, ...(typeof record.email === 'string' ? { email: record.email } : {}) };
}

const nameRef = (value: unknown) => (value && typeof value === 'object' ? { id: (value as Item).id, name: (value as Item).name ?? null } : (value ?? null));

/**
 * The candidate's name beside its columns: Gauzy keeps it on the user. A list's `fields` keeps `name` (it identifies
 * the record), so a projected line still says who it is.
 */
export function withName(candidate: Item): Item {
  const name = candidate.user ? personName(candidate.user) : undefined;
  return name ? { id: candidate.id, name, ...candidate } : candidate;
}

/**
 * A candidate as a list returns it when the caller asked for no relations: the summary relations cut to what its
 * line names (the user's name and email, the source's and position's names), and its feedbacks to their count
 * beside Gauzy's own average (`ratings`, computed by CandidateSubscriber when the feedbacks are joined).
 */
export function compactCandidate(candidate: Item): Item {
  const { feedbacks, ...rest } = candidate;
  const out: Item = withName(rest);
  if ('user' in candidate) out.user = personRef(candidate.user);
  if ('source' in candidate) out.source = nameRef(candidate.source);
  if ('organizationPosition' in candidate) out.organizationPosition = nameRef(candidate.organizationPosition);
  if (Array.isArray(feedbacks)) {
    out.feedbackCount = feedbacks.length;
    // Gauzy's average of no feedbacks is NaN, which JSON carries as null.
    if (typeof out.ratings !== 'number' || !Number.isFinite(out.ratings)) delete out.ratings;
  }
  return out;
}
