import { defined, LOCAL_FILTER_ROWS, listResult, normalizePage, scopeWhere, withRelations, type ToolContext, type ToolOutput } from '@gauzy-mcp/core';
import { CANDIDATE_SUMMARY_RELATIONS, candidateEntity } from '../entities.js';
import { CANDIDATE_ROUTE, compactCandidate, withName } from './read.js';

type Item = Record<string, unknown>;

export interface FindCandidatesArgs {
  name?: string;
  status?: string;
  organizationPositionId?: string;
  sourceId?: string;
  take: number;
  skip: number;
  fields?: string[];
  relations?: string[];
}

/** A candidate's name and email, as the name filter reads them. */
function nameOf(candidate: Item): string {
  const user = (candidate.user as Item | undefined) ?? {};
  return [user.firstName, user.lastName, user.email].filter((part) => typeof part === 'string').join(' ').toLowerCase();
}

/** Every word of the search is part of the first name, last name or email ("john s" finds John S.). */
export function nameMatcher(search: string): (candidate: Item) => boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  return (candidate) => {
    const name = nameOf(candidate);
    return words.every((word) => name.includes(word));
  };
}

/**
 * list_candidates. The filters go to GET /api/candidate as `where[...]` (exact matches, joined relations,
 * row-offset paging). Gauzy cannot find a candidate by part of the name there, and its /pagination route,
 * which LIKE-matches `where[user][name]`, ignores status, position and source (CandidateService.pagination reads
 * only the organization, tags and the user's name or email): a name search reads at most LOCAL_FILTER_ROWS
 * candidates with the other filters applied by Gauzy and matches the name here, and says so.
 */
export async function findCandidates(args: FindCandidatesArgs, ctx: ToolContext): Promise<ToolOutput> {
  const { name, take, skip, fields } = args;
  const asked = args.relations?.length ? args.relations : undefined;
  const joined = [...new Set(['user', ...(asked ?? CANDIDATE_SUMMARY_RELATIONS)])];
  const where = scopeWhere(ctx.scope, defined({ status: args.status, organizationPositionId: args.organizationPositionId, sourceId: args.sourceId }));
  const read = async (pageTake: number, pageSkip: number) =>
    normalizePage(await ctx.gauzy.get(CANDIDATE_ROUTE, { query: { where, relations: joined, order: { createdAt: 'DESC' }, take: pageTake, skip: pageSkip } }));
  const shape = (items: Item[]) => items.map(asked ? withName : compactCandidate);
  const common = { skip, take, fields: withRelations(fields, asked), noun: candidateEntity.plural, describe: candidateEntity.describe };
  if (!name) {
    const page = await read(take, skip);
    return listResult({ ...common, items: shape(page.items), total: page.total, unpaged: !page.paged });
  }
  const rows: Item[] = [];
  let total = 0;
  while (rows.length < LOCAL_FILTER_ROWS) {
    const page = await read(100, rows.length);
    rows.push(...page.items);
    total = page.total;
    if (!page.paged || page.items.length < 100 || rows.length >= total) break;
  }
  const matches = rows.filter(nameMatcher(name));
  const result = listResult({ ...common, items: shape(matches), unpaged: true });
  const note = `Gauzy's candidate list cannot match part of a name together with the other filters, so ${rows.length} of ${total} candidates were read and matched by name here${rows.length < total ? '; later ones were not read' : ''}.`;
  return { ...result, structured: { ...result.structured, note }, text: `${result.text}\n${note}` };
}
