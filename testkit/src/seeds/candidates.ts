import { insertEntity } from '../engine/records.js';
import { hashPassword } from '../routes/auth-routes.js';
import type { SeedInfo } from '../seed.js';
import { SEED_PASSWORDS } from '../seed-ids.js';
import type { SandboxStore } from '../store.js';

/**
 * Demo rows for the candidates pack, after Gauzy's demo seed (candidate.seed.ts, default-candidates.ts,
 * candidate-feedbacks.seed.ts, candidate-interview.seed.ts): the default candidates with their users (role
 * CANDIDATE), a source each, an interview with interviewers, feedbacks with ratings, and some skills,
 * experience and education. No seeded candidate is HIRED, so the organization's employees stay the demo seed's.
 * The candidate tables exist only in a sandbox taught the candidate entity; elsewhere nothing is seeded.
 */

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

interface DemoCandidate {
  firstName: string;
  lastName: string;
  level: string | null;
  source: string;
  position: number;
  appliedDaysAgo: number;
  status: 'APPLIED' | 'REJECTED';
  /** Each feedback: rating, the interviewer (index into the seed's interviewers), verdict and words. */
  feedbacks: Array<[number, number, 'APPLIED' | 'HIRED' | 'REJECTED' | null, string]>;
}

const POSITIONS = ['Full-Stack Developer', 'QA Engineer', 'Product Designer'];

// Gauzy's DEFAULT_CANDIDATES (John S., Jaye J., Kasey K., Norris N., Estella E., Greg G.) and two more.
const CANDIDATES: DemoCandidate[] = [
  { firstName: 'John', lastName: 'S.', level: 'D', source: 'LinkedIn', position: 0, appliedDaysAgo: 20, status: 'APPLIED', feedbacks: [[4, 0, 'HIRED', 'Strong on system design'], [5, 1, 'HIRED', 'Clear and careful answers']] },
  { firstName: 'Jaye', lastName: 'J.', level: 'B', source: 'Indeed', position: 0, appliedDaysAgo: 18, status: 'APPLIED', feedbacks: [[4, 1, 'HIRED', 'Good grasp of testing'], [4, 2, null, 'Solid fundamentals']] },
  { firstName: 'Kasey', lastName: 'K.', level: null, source: 'Idealist', position: 1, appliedDaysAgo: 15, status: 'APPLIED', feedbacks: [[2, 0, 'REJECTED', 'Struggled with the exercise'], [3, 3, null, 'Friendly, needs more practice']] },
  { firstName: 'Norris', lastName: 'N.', level: 'A', source: 'Dice', position: 0, appliedDaysAgo: 12, status: 'APPLIED', feedbacks: [[3, 2, null, 'Average problem solving']] },
  { firstName: 'Estella', lastName: 'E.', level: 'B', source: 'Monster', position: 2, appliedDaysAgo: 9, status: 'APPLIED', feedbacks: [[5, 3, 'HIRED', 'Excellent portfolio'], [5, 0, 'HIRED', 'Great collaboration skills']] },
  { firstName: 'Greg', lastName: 'G.', level: null, source: 'LinkedIn', position: 1, appliedDaysAgo: 6, status: 'APPLIED', feedbacks: [[2, 1, 'REJECTED', 'Missed the basics']] },
  { firstName: 'Lina', lastName: 'L.', level: 'C', source: 'Indeed', position: 2, appliedDaysAgo: 30, status: 'REJECTED', feedbacks: [[1, 2, 'REJECTED', 'Not a fit for the role']] },
  { firstName: 'Omar', lastName: 'O.', level: 'C', source: 'Dice', position: 0, appliedDaysAgo: 3, status: 'APPLIED', feedbacks: [] },
];

export function seedCandidatesDemo(store: SandboxStore, info: SeedInfo): void {
  if (!store.entities.has('candidate')) return;
  const tenantId = info.tenantId;
  const scope = { tenantId, organizationId: info.organizationId };
  const candidateRole = store.list('role').find((role) => role.tenantId === tenantId && role.name === 'CANDIDATE')
    ?? insertEntity(store, 'role', { name: 'CANDIDATE', isSystem: true, permissions: ['ORG_STRATEGIC_INITIATIVE_READ', 'PLUGIN_VIEW'] }, { tenantId });
  const positions = POSITIONS.map((name) => insertEntity(store, 'organizationPosition', { name }, scope));
  // The interviewers: the admins and two demo employees, by employee id.
  const interviewers = [info.users.superAdmin.employeeId, info.users.localAdmin.employeeId, ...info.demoEmployees.slice(0, 2).map((employee) => employee.employeeId)];
  CANDIDATES.forEach((demo, index) => {
    const user = insertEntity(store, 'user', {
      email: `${demo.firstName.toLowerCase()}@example-ever.co`, firstName: demo.firstName, lastName: demo.lastName, roleId: candidateRole.id,
      hash: hashPassword(SEED_PASSWORDS.demoEmployees), preferredLanguage: 'en', preferredComponentLayout: 'TABLE',
    }, { tenantId });
    const source = insertEntity(store, 'candidateSource', { name: demo.source }, scope);
    const candidate = insertEntity(store, 'candidate', {
      userId: user.id, sourceId: source.id, organizationPositionId: positions[demo.position]!.id, candidateLevel: demo.level, status: demo.status,
      appliedDate: daysAgo(demo.appliedDaysAgo), rejectDate: demo.status === 'REJECTED' ? daysAgo(demo.appliedDaysAgo - 10) : null, isArchived: false,
      // Rows made a while ago, a day apart, so "newest first" has an order.
      createdAt: daysAgo(40 - index), updatedAt: daysAgo(40 - index),
    }, scope);
    if (!demo.feedbacks.length) return;
    const interview = insertEntity(store, 'candidateInterview', {
      title: `Interview with ${demo.firstName}`, candidateId: candidate.id, startTime: daysAgo(demo.appliedDaysAgo - 2), endTime: daysAgo(demo.appliedDaysAgo - 2),
      location: 'Online', note: null, rating: demo.feedbacks.reduce((sum, [rating]) => sum + rating, 0) / demo.feedbacks.length,
    }, scope);
    demo.feedbacks.forEach(([rating, who, status, description], order) => {
      const interviewer = insertEntity(store, 'candidateInterviewers', { interviewId: interview.id, employeeId: interviewers[who % interviewers.length] }, scope);
      insertEntity(store, 'candidateFeedback', {
        candidateId: candidate.id, interviewId: interview.id, interviewerId: interviewer.id, rating, status, description,
        createdAt: daysAgo(demo.appliedDaysAgo - 3 - order), updatedAt: daysAgo(demo.appliedDaysAgo - 3 - order),
      }, scope);
    });
  });
  const [john, , , , estella] = store.list('candidate').filter((row) => row.tenantId === tenantId).slice(-CANDIDATES.length);
  if (john) {
    for (const name of ['TypeScript', 'PostgreSQL']) insertEntity(store, 'candidateSkill', { name, candidateId: john.id }, scope);
    insertEntity(store, 'candidateExperience', { occupation: 'Backend Developer', duration: 'three years', description: 'Payments platform', candidateId: john.id }, scope);
    insertEntity(store, 'candidateEducation', { schoolName: 'Sofia University', degree: 'Master', field: 'Computer Science', completionDate: '2019-06-30T00:00:00.000Z', notes: null, candidateId: john.id }, scope);
  }
  if (estella) insertEntity(store, 'candidateSkill', { name: 'Figma', candidateId: estella.id }, scope);
}
