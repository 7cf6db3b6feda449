import { sandboxEntity, type DtoSpec, type SandboxEntity } from '@gauzy-mcp/core';
import {
  candidateEducationEntity,
  candidateEntity,
  candidateExperienceEntity,
  candidateFeedbackEntity,
  candidateInterviewEntity,
  candidateInterviewersEntity,
  candidateSkillEntity,
  candidateSourceEntity,
  organizationPositionEntity,
} from './entities.js';

/**
 * What the testkit's sandbox needs to serve the recruitment entities as Gauzy does, beyond their descriptions.
 * Test code only. The candidate's own routes (its lists, lookup, create, update, stage and delete) have logic
 * of their own in testkit/src/routes/candidates-routes.ts; the feedback, skill, experience and education
 * routes are the generic ones.
 */

/** CandidateFeatureDTO: `candidateId` (IsString) unless a `candidate` object is given. */
const CANDIDATE_FEATURE: DtoSpec['fields'] = { candidateId: { type: 'string' } };

/** CreateCandidateSkillDTO = CandidateFeatureDTO ∩ TenantOrganizationBaseDTO + name (IsNotEmpty, IsString); whitelist. */
const SKILL_DTO: DtoSpec = { ownFields: CANDIDATE_FEATURE, tenantOrganization: true, whitelist: true, fields: { name: { type: 'string', required: true } } };
/** CreateCandidateExperienceDTO: occupation and duration IsNotEmpty, description IsOptional; whitelist. */
const EXPERIENCE_DTO: DtoSpec = {
  ownFields: CANDIDATE_FEATURE, tenantOrganization: true, whitelist: true,
  fields: { occupation: { type: 'any', required: true }, duration: { type: 'any', required: true }, description: { type: 'any' } },
};
/** CreateCandidateEducationDTO: schoolName, degree, field IsNotEmpty; completionDate IsNotEmpty + IsDateString; notes IsOptional; whitelist. */
const EDUCATION_DTO: DtoSpec = {
  ownFields: CANDIDATE_FEATURE, tenantOrganization: true, whitelist: true,
  fields: {
    schoolName: { type: 'any', required: true }, degree: { type: 'any', required: true }, field: { type: 'any', required: true },
    completionDate: { type: 'isoDate', required: true }, notes: { type: 'any' },
  },
};
/** The feedback routes take ICandidateFeedbackCreateInput unvalidated (no ValidationPipe). */
const FEEDBACK_DTO: DtoSpec = { fields: {} };


export const candidatesSandbox: readonly SandboxEntity[] = [
  sandboxEntity(candidateEntity, {
    defaults: () => ({
      rating: null, valueDate: null, appliedDate: null, hiredDate: null, rejectDate: null, status: 'APPLIED', candidateLevel: null,
      reWeeklyLimit: 0, billRateCurrency: null, billRateValue: 0, minimumBillingRate: 0, payPeriod: null, cvUrl: null,
      contactId: null, organizationPositionId: null, sourceId: null, userId: null, employeeId: null, tagIds: [],
    }),
    // CandidateSubscriber.afterEntityLoad: alreadyHired always; `ratings` (the feedbacks' average) only when the feedbacks
    // were joined, which the candidate routes add (candidates-routes.ts).
    virtuals: (row) => ({ alreadyHired: row.status === 'HIRED' && !!row.hiredDate && !Number.isNaN(Date.parse(String(row.hiredDate))) }),
  }),
  sandboxEntity(candidateFeedbackEntity, {
    defaults: () => ({ description: null, rating: null, status: null, candidateId: null, interviewId: null, interviewerId: null }),
    dto: { create: FEEDBACK_DTO, update: FEEDBACK_DTO },
  }),
  sandboxEntity(candidateInterviewEntity, {
    defaults: () => ({ title: null, startTime: null, endTime: null, location: null, note: null, rating: null, candidateId: null }),
  }),
  sandboxEntity(candidateInterviewersEntity, { defaults: () => ({ interviewId: null, employeeId: null }) }),
  sandboxEntity(candidateSourceEntity, { defaults: () => ({ name: null }) }),
  sandboxEntity(organizationPositionEntity, { defaults: () => ({ name: null }) }),
  sandboxEntity(candidateSkillEntity, { defaults: () => ({ name: null, candidateId: null }), dto: { create: SKILL_DTO, update: SKILL_DTO } }),
  sandboxEntity(candidateExperienceEntity, { defaults: () => ({ occupation: null, duration: null, description: null, candidateId: null }), dto: { create: EXPERIENCE_DTO, update: EXPERIENCE_DTO } }),
  sandboxEntity(candidateEducationEntity, {
    defaults: () => ({ schoolName: null, degree: null, field: null, completionDate: null, notes: null, candidateId: null }),
    dto: { create: EDUCATION_DTO, update: EDUCATION_DTO },
  }),
];
