import { defineTool, formatValue, GauzyMcpError, isGauzyMcpError, ok, uuid, type ToolContext } from '@gauzy-mcp/core';
import { z } from 'zod';
import {
  CANDIDATES_TOOLSET as toolset,
  candidateEducationFields,
  candidateExperienceFields,
  candidateSkillFields,
} from '../entities.js';
import { CANDIDATE_BY_ID, candidateLabel, readCandidate } from './read.js';

type Item = Record<string, unknown>;

/** How each kind reads on a line: a skill's name, a job and how long, a degree and where. */
const LABELS = {
  skill: (entry: Item) => String(entry.name),
  experience: (entry: Item) => `${String(entry.occupation)}, ${String(entry.duration)}${entry.description ? `: ${String(entry.description)}` : ''}`,
  education: (entry: Item) => `${String(entry.degree)} in ${String(entry.field)}, ${String(entry.schoolName)}, completed ${formatValue(entry.completionDate)}${entry.notes ? `: ${String(entry.notes)}` : ''}`,
};

const lineOf = (label: (entry: Item) => string) => (entry: Item) => `${label(entry)} (id ${String(entry.id)})`;
const listOf = (value: unknown): Item[] => (Array.isArray(value) ? (value as Item[]) : []);

export const getCandidateQualifications = defineTool({
  name: 'get_candidate_qualifications',
  title: 'Candidate skills, experience, education',
  description: 'A candidate\'s skills, work experience and education, in one answer.',
  toolset,
  aliases: ['get_candidate_skills', 'get_candidate_experience', 'get_candidate_education'],
  effect: 'read',
  input: z.object({ candidateId: uuid() }),
  output: z.looseObject({ skills: z.array(z.looseObject({})), experience: z.array(z.looseObject({})), educations: z.array(z.looseObject({})) }),
  routes: [`GET ${CANDIDATE_BY_ID}`],
  async handler({ candidateId }, ctx) {
    // The candidate's own relations: one call, and the name for the text.
    const candidate = await readCandidate(ctx, candidateId, ['user', 'skills', 'experience', 'educations']);
    const skills = listOf(candidate.skills);
    const experience = listOf(candidate.experience);
    const educations = listOf(candidate.educations);
    const section = (title: string, entries: Item[], label: (entry: Item) => string) => `${title}: ${entries.length ? entries.map(lineOf(label)).join('; ') : 'none'}`;
    return ok(
      { candidate: { id: candidate.id, name: candidateLabel(candidate).replace(/ \(id .*\)$/, ''), status: candidate.status }, skills, experience, educations },
      [
        `${candidateLabel(candidate)}:`,
        section('Skills', skills, LABELS.skill),
        section('Experience', experience, LABELS.experience),
        section('Education', educations, LABELS.education),
      ].join('\n'),
    );
  },
});

type Kind = keyof typeof LABELS;

const ROUTES = { skill: '/api/candidate-skills', experience: '/api/candidate-experience', education: '/api/candidate-educations' } as const satisfies Record<Kind, string>;

async function add(ctx: ToolContext, kind: Kind, candidateId: string, fields: Item): Promise<Item> {
  return ctx.gauzy.post<Item>(ROUTES[kind], { ...fields, candidateId, organizationId: ctx.scope.organizationId, tenantId: ctx.scope.tenantId });
}

export const addCandidateQualifications = defineTool({
  name: 'add_candidate_qualifications',
  title: 'Add a skill, experience or education',
  description: 'Add a skill, a work experience and/or an education to a candidate; reports each.',
  toolset,
  aliases: ['add_candidate_skill', 'add_candidate_experience', 'add_candidate_education'],
  effect: 'write',
  input: z.object({
    candidateId: uuid(),
    skill: candidateSkillFields.name.optional(),
    experience: z.strictObject(candidateExperienceFields).optional(),
    education: z.strictObject(candidateEducationFields).optional(),
  }),
  output: z.looseObject({ added: z.array(z.looseObject({})), failed: z.array(z.looseObject({})) }),
  routes: [`GET ${CANDIDATE_BY_ID}`, `POST ${ROUTES.skill}`, `POST ${ROUTES.experience}`, `POST ${ROUTES.education}`],
  async handler({ candidateId, skill, experience, education }, ctx) {
    const wanted: Array<[Kind, Item]> = [
      ...(skill ? [['skill', { name: skill }] as [Kind, Item]] : []),
      ...(experience ? [['experience', experience] as [Kind, Item]] : []),
      ...(education ? [['education', education] as [Kind, Item]] : []),
    ];
    if (!wanted.length) {
      throw new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', ['add_candidate_qualifications'], { issues: [{ field: '(arguments)', message: 'give at least one of skill, experience, education' }], fields: ['(arguments)'] });
    }
    // An unknown candidate would fail each insert on its foreign key; a lookup answers it as not found, once.
    const candidate = await readCandidate(ctx, candidateId);
    const added: Item[] = [];
    const failed: Item[] = [];
    for (const [kind, fields] of wanted) {
      try {
        const created = await add(ctx, kind, candidateId, fields);
        added.push({ kind, id: created.id, label: LABELS[kind]({ ...fields, ...created }) });
      } catch (error) {
        if (!isGauzyMcpError(error) || error.kind !== 'gauzy') throw error;
        failed.push({ kind, error: { code: error.code, message: error.message, ...(Array.isArray(error.details.gauzyMessages) ? { gauzyMessages: error.details.gauzyMessages } : {}) } });
      }
    }
    const lines = [
      `${candidateLabel(candidate)}: added ${added.length} of ${wanted.length}.`,
      ...added.map((entry) => `- ${String(entry.kind)} ${String(entry.label)} (id ${String(entry.id)})`),
      ...failed.map((entry) => `- ${String(entry.kind)} failed: ${JSON.stringify((entry.error as Item).gauzyMessages ?? (entry.error as Item).message)}`),
    ];
    return ok({ candidateId, added, failed, requested: wanted.length }, lines.join('\n'));
  },
});
