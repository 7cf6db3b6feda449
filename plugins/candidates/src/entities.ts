import { defineEntity, formatValue, isoDate, personName, refLabel, uuid } from '@gauzy-mcp/core';
import { z } from 'zod';

export const CANDIDATES_TOOLSET = 'candidates';

/** CandidateStatusEnum (packages/contracts/src/lib/candidate.model.ts), exactly: a candidate applies, then is hired or rejected. */
export const CandidateStatus = z.enum(['APPLIED', 'REJECTED', 'HIRED']);

type Item = Record<string, unknown>;

const numberOf = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/**
 * Candidate columns a caller may change (PUT /api/candidate/:id: UpdateCandidateDTO picks appliedDate, hiredDate, cvUrl and
 * candidateLevel; the route's ValidationPipe has no whitelist, so `rating` and the relation ids reach CandidateService.create,
 * which saves them).
 */
export const candidateFields = {
  appliedDate: isoDate().optional(),
  candidateLevel: z.string().max(500).optional().describe('Level, e.g. A-D'),
  cvUrl: z.url().optional(),
  rating: z.number().min(0).max(5).optional().describe('Overall rating 0-5'),
  organizationPositionId: uuid().optional(),
};

/** A candidate as a person asks about one: name, status, position, source, ratings and dates, and the id to act on. */
export function describeCandidate(candidate: Item): string {
  const name = personName(candidate) ?? '(unnamed candidate)';
  const position = refLabel(candidate.organizationPosition);
  const source = refLabel(candidate.source);
  const rating = numberOf(candidate.rating);
  const average = numberOf(candidate.ratings);
  const count = numberOf(candidate.feedbackCount);
  const facts = [
    position ? `position ${position}` : '',
    source ? `source ${source}` : '',
    rating !== undefined ? `rating ${rating}` : '',
    average !== undefined ? `feedback average ${average}${count !== undefined ? ` of ${count}` : ''}` : count === 0 ? 'no feedback' : '',
    candidate.appliedDate ? `applied ${formatValue(candidate.appliedDate)}` : '',
    candidate.hiredDate ? `hired ${formatValue(candidate.hiredDate)}` : '',
    candidate.rejectDate ? `rejected ${formatValue(candidate.rejectDate)}` : '',
  ].filter(Boolean);
  const status = candidate.status ? ` [${String(candidate.status)}]` : '';
  return `${name} (id ${String(candidate.id)})${status}${facts.length ? ` · ${facts.join(' · ')}` : ''}`;
}

/** The relations a candidate's line names; the lists join them when the caller asks for none. */
export const CANDIDATE_SUMMARY_RELATIONS = ['user', 'source', 'organizationPosition', 'feedbacks'] as const;

export const candidateEntity = defineEntity({
  name: 'candidate',
  gauzyClass: 'Candidate',
  noun: 'candidate',
  plural: 'candidates',
  path: '/api/candidate',
  // DELETE /:id/soft and PUT /:id/recover exist; candidates are archived with isArchived in Gauzy's app, and no tool offers it.
  operations: ['findAll', 'pagination', 'count', 'findById', 'create', 'update', 'delete'],
  scope: 'organization',
  fields: candidateFields,
  columns: ['status', 'hiredDate', 'rejectDate'],
  filters: {
    status: CandidateStatus.optional(),
    organizationPositionId: uuid().optional(),
    sourceId: uuid().optional(),
  },
  relations: {
    user: { kind: 'manyToOne', entity: 'user', key: 'userId' },
    source: { kind: 'manyToOne', entity: 'candidateSource', key: 'sourceId' },
    organizationPosition: { kind: 'manyToOne', entity: 'organizationPosition', key: 'organizationPositionId' },
    employee: { kind: 'manyToOne', entity: 'employee', key: 'employeeId' },
    feedbacks: { kind: 'oneToMany', entity: 'candidateFeedback', key: 'candidateId' },
    interview: { kind: 'oneToMany', entity: 'candidateInterview', key: 'candidateId' },
    skills: { kind: 'oneToMany', entity: 'candidateSkill', key: 'candidateId' },
    experience: { kind: 'oneToMany', entity: 'candidateExperience', key: 'candidateId' },
    educations: { kind: 'oneToMany', entity: 'candidateEducation', key: 'candidateId' },
    tags: { kind: 'manyToMany', entity: 'tag', key: 'tagIds' },
  },
  include: ['user', 'source', 'organizationPosition', 'feedbacks', 'interview', 'skills', 'experience', 'educations', 'tags'],
  aliases: { list: ['get_candidates', 'get_candidates_by_position'], get: ['get_candidate'], update: ['rate_candidate'] },
  describe: describeCandidate,
  summaryRelations: [...CANDIDATE_SUMMARY_RELATIONS],
});

/** A feedback (evaluation) of a candidate: the interviewer's rating, verdict and words, from one interview. */
export const candidateFeedbackEntity = defineEntity({
  name: 'candidateFeedback',
  gauzyClass: 'CandidateFeedback',
  noun: 'candidate feedback',
  plural: 'candidate feedbacks',
  path: '/api/candidate-feedbacks',
  operations: ['findAll', 'findById', 'create', 'update', 'delete'],
  // CandidateFeedbacksController.findAll: `?data={"findInput":…,"relations":[…]}` (ParseJsonPipe), every match, no paging.
  list: { query: 'data', paging: 'none' },
  scope: 'organization',
  fields: {
    description: z.string().max(5000),
    rating: z.number().min(0).max(5),
    status: CandidateStatus.optional(),
    candidateId: uuid(),
    interviewId: uuid().optional(),
    interviewerId: uuid().optional(),
  },
  relations: {
    candidate: { kind: 'manyToOne', entity: 'candidate', key: 'candidateId' },
    interview: { kind: 'manyToOne', entity: 'candidateInterview', key: 'interviewId' },
    interviewer: { kind: 'manyToOne', entity: 'candidateInterviewers', key: 'interviewerId' },
  },
  include: ['candidate', 'candidate.user', 'interview', 'interviewer', 'interviewer.employee', 'interviewer.employee.user'],
});

/** An interview of a candidate (its title and time); reached through the candidate and its feedbacks. */
export const candidateInterviewEntity = defineEntity({
  name: 'candidateInterview',
  gauzyClass: 'CandidateInterview',
  noun: 'candidate interview',
  plural: 'candidate interviews',
  path: '',
  operations: [],
  scope: 'organization',
  fields: {},
  relations: {
    candidate: { kind: 'manyToOne', entity: 'candidate', key: 'candidateId' },
    feedbacks: { kind: 'oneToMany', entity: 'candidateFeedback', key: 'interviewId' },
    interviewers: { kind: 'oneToMany', entity: 'candidateInterviewers', key: 'interviewId' },
  },
});

/** An interviewer of an interview: the join of an interview and an employee, which a feedback names as its `interviewer`. */
export const candidateInterviewersEntity = defineEntity({
  name: 'candidateInterviewers',
  gauzyClass: 'CandidateInterviewers',
  noun: 'candidate interviewer',
  plural: 'candidate interviewers',
  path: '',
  operations: [],
  scope: 'organization',
  fields: {},
  relations: {
    interview: { kind: 'manyToOne', entity: 'candidateInterview', key: 'interviewId' },
    employee: { kind: 'manyToOne', entity: 'employee', key: 'employeeId' },
  },
});

/** Where a candidate came from (LinkedIn, Indeed, …). */
export const candidateSourceEntity = defineEntity({
  name: 'candidateSource', gauzyClass: 'CandidateSource', noun: 'candidate source', plural: 'candidate sources', path: '', operations: [], scope: 'organization', fields: {},
});

/** The organization's positions a candidate applies for. */
export const organizationPositionEntity = defineEntity({
  name: 'organizationPosition', gauzyClass: 'OrganizationPosition', noun: 'position', plural: 'positions', path: '', operations: [], scope: 'organization', fields: {},
});

const candidateRef = { candidate: { kind: 'manyToOne', entity: 'candidate', key: 'candidateId' } } as const;

/** CreateCandidateSkillDTO: name, and the candidate (CandidateFeatureDTO). */
export const candidateSkillFields = { name: z.string().trim().min(1) };
export const candidateSkillEntity = defineEntity({
  name: 'candidateSkill', gauzyClass: 'CandidateSkill', noun: 'candidate skill', plural: 'candidate skills', path: '/api/candidate-skills',
  operations: ['findAll', 'create'], scope: 'organization', fields: { ...candidateSkillFields, candidateId: uuid() }, relations: candidateRef,
});

/** CreateCandidateExperienceDTO: occupation and duration required, description optional. */
export const candidateExperienceFields = {
  occupation: z.string().trim().min(1),
  duration: z.string().trim().min(1).describe('e.g. 2 years'),
  description: z.string().optional(),
};
export const candidateExperienceEntity = defineEntity({
  name: 'candidateExperience', gauzyClass: 'CandidateExperience', noun: 'candidate experience', plural: 'candidate experiences', path: '/api/candidate-experience',
  operations: ['findAll', 'create'], scope: 'organization', fields: { ...candidateExperienceFields, candidateId: uuid() }, relations: candidateRef,
});

/** CreateCandidateEducationDTO: school, degree, field and completion date required, notes optional. */
export const candidateEducationFields = {
  schoolName: z.string().trim().min(1),
  degree: z.string().trim().min(1),
  field: z.string().trim().min(1),
  completionDate: isoDate(),
  notes: z.string().optional(),
};
export const candidateEducationEntity = defineEntity({
  name: 'candidateEducation', gauzyClass: 'CandidateEducation', noun: 'candidate education', plural: 'candidate educations', path: '/api/candidate-educations',
  operations: ['findAll', 'create'], scope: 'organization', fields: { ...candidateEducationFields, candidateId: uuid() }, relations: candidateRef,
});

export const CANDIDATE_ENTITIES = [
  candidateEntity, candidateFeedbackEntity, candidateInterviewEntity, candidateInterviewersEntity, candidateSourceEntity,
  organizationPositionEntity, candidateSkillEntity, candidateExperienceEntity, candidateEducationEntity,
] as const;
