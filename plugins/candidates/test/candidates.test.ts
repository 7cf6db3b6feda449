import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { isKnownGauzyRoute } from '@gauzy-mcp/core';
import { assertRelationsResolve, assertTextAgrees, packCatalog, type Row, type Sandbox, type TestClient, usePackHarness } from '@gauzy-mcp/testkit';
import { candidateEntity } from '../src/entities.js';
import candidatesPlugin from '../src/index.js';
import { candidatesSandbox } from '../src/sandbox.js';

let sandbox: Sandbox;
let admin: TestClient;
let employee: TestClient;
const MISSING = '00000000-0000-4000-8000-000000000000';

type Item = Record<string, unknown>;

usePackHarness({ plugin: candidatesPlugin, sandboxEntities: candidatesSandbox }, (opened) => ({ sandbox, admin, employee } = opened));

/** The seeded candidates of the default organization, with their users' names. */
function candidates(): Array<Row & { name: string; email: string }> {
  return sandbox.db.list('candidate').filter((row) => row.organizationId === sandbox.seed.organizationId).map((row) => {
    const user = sandbox.db.get('user', String(row.userId))!;
    return { ...row, name: `${String(user.firstName)} ${String(user.lastName)}`, email: String(user.email) };
  });
}
const candidateNamed = (first: string) => candidates().find((row) => row.name.startsWith(`${first} `))!;
const employeeName = (employeeId: string) => {
  const user = sandbox.db.get('user', String(sandbox.db.get('employee', employeeId)!.userId))!;
  return `${String(user.firstName)} ${String(user.lastName)}`;
};
const requestsTo = (method: string, path: RegExp) => sandbox.requests.filter((request) => request.method === method && path.test(request.path));

async function newCandidate(firstName: string, extra: Item = {}) {
  const created = await admin.call('create_candidate', { firstName, lastName: 'Tester', email: `${firstName.toLowerCase()}.${randomUUID().slice(0, 8)}@example.test`, ...extra });
  assert.equal(created.isError, false, created.text);
  return String(created.structured!.id);
}

const REFERENCE_NAMES = [
  'get_candidates', 'get_candidate_count', 'get_candidate', 'create_candidate', 'update_candidate', 'update_candidate_status', 'rate_candidate',
  'delete_candidate', 'get_candidates_by_position', 'get_candidate_skills', 'add_candidate_skill', 'get_candidate_experience',
  'add_candidate_experience', 'get_candidate_education', 'add_candidate_education',
];
const DOCUMENTED_NAMES = ['list_candidates', 'get_candidate_evaluations', 'update_candidate_stage', 'send_bulk_emails'];

test('every reference name of the candidates category and every documented name is callable: listed or an alias of the tool that does the job', async () => {
  const listed = new Set((await admin.listAllTools()).map((tool) => tool.name));
  for (const name of DOCUMENTED_NAMES) assert.ok(listed.has(name), `${name} is listed`);
  const aliasOf = new Map(candidatesPlugin.tools.flatMap((tool) => (tool.aliases ?? []).map((alias) => [alias, tool.name] as const)));
  for (const name of REFERENCE_NAMES) {
    assert.ok(listed.has(name) || aliasOf.has(name), `${name} is neither listed nor an alias`);
    if (aliasOf.has(name)) assert.ok(!listed.has(name), `${name} is an alias, not listed twice`);
  }
  // An alias runs the canonical tool, with its strict schema: the old argument names are refused by name.
  const john = candidateNamed('John');
  assert.equal((await admin.call('get_candidate', { id: john.id })).structured!.id, john.id);
  const byPosition = await admin.call('get_candidates_by_position', { organizationPositionId: john.organizationPositionId });
  assert.ok((byPosition.structured!.items as Item[]).every((item) => item.organizationPositionId === john.organizationPositionId));
  const oldArgument = await admin.call('get_candidates_by_position', { positionId: john.organizationPositionId });
  assert.deepEqual(oldArgument.error!.fields, ['positionId']);
  assert.match(oldArgument.text, /organizationPositionId/);
});

test('the pack\'s listed tools stay within their 10,000-byte share of tools/list, and every route they call is one Gauzy has', () => {
  const catalog = packCatalog([candidatesPlugin]);
  assert.ok(catalog.bytes <= 10_000, `${catalog.bytes} bytes`);
  assert.ok(catalog.listed.every((tool) => tool.toolset === 'candidates'));
  for (const tool of candidatesPlugin.tools) {
    for (const route of tool.routes) {
      const [method, path] = route.split(' ') as [string, string];
      assert.ok(isKnownGauzyRoute(method, path), `${tool.name}: ${route}`);
    }
  }
});

test('list_candidates by stage: each candidate by name with status, position, source, feedback average and applied date; text agrees with the structure', async () => {
  const applied = candidates().filter((row) => row.status === 'APPLIED');
  const page = await admin.call('list_candidates', { status: 'APPLIED', take: 100 });
  assert.equal(page.isError, false, page.text);
  const items = page.structured!.items as Item[];
  assert.equal(page.structured!.total, applied.length);
  assert.deepEqual(items.map((item) => item.id).sort(), applied.map((row) => row.id).sort());
  assertTextAgrees(page.text, page.structured!);
  const estella = candidateNamed('Estella');
  const line = page.text.split('\n').find((text) => text.includes(String(estella.id)))!;
  assert.match(line, /^- Estella E\. \(id [^)]+\) \[APPLIED\] · position Product Designer \(id [^)]+\) · source Monster \(id [^)]+\) · feedback average 5 of 2 · applied \d{4}-\d{2}-\d{2}/);
  // Joined for the line, cut to what it names: the user's name and email, the feedbacks to their count.
  const item = items.find((entry) => entry.id === estella.id)!;
  assert.deepEqual(item.user, { id: estella.userId, name: 'Estella E.', email: estella.email });
  assert.deepEqual([item.feedbackCount, item.ratings, 'feedbacks' in item], [2, 5, false]);
  const omar = items.find((entry) => entry.id === candidateNamed('Omar').id)!;
  assert.equal(omar.feedbackCount, 0);
  assert.ok(!('ratings' in omar), 'no average of no feedbacks');
  // Newest first.
  const created = items.map((entry) => String(entry.createdAt));
  assert.deepEqual(created, [...created].sort().reverse());
  assert.equal(item.name, 'Estella E.');
  // fields keeps the name (Gauzy keeps it on the user), so a projected line still says who it is.
  const projected = await admin.call('list_candidates', { name: 'omar', fields: ['candidateLevel'] });
  assert.deepEqual(Object.keys((projected.structured!.items as Item[])[0]!).sort(), ['candidateLevel', 'id', 'name']);
  assert.match(projected.text, /^- Omar O\. \(id [^)]+\) · candidateLevel: C$/m);
});

test('list_candidates finds by part of the name or email, any case, with the other filters applied by Gauzy, and says it matched here', async () => {
  const found = await admin.call('list_candidates', { name: 'JOHN' });
  assert.equal(found.isError, false, found.text);
  assert.deepEqual((found.structured!.items as Item[]).map((item) => item.id), [candidateNamed('John').id]);
  assert.match(String(found.structured!.note), /matched by name here/);
  assert.ok(found.text.includes(String(found.structured!.note)));
  // Every word: "s. john" is John S.; the email counts too.
  assert.equal((await admin.call('list_candidates', { name: 's. john' })).structured!.total, 1);
  assert.equal((await admin.call('list_candidates', { name: 'kasey@example-ever' })).structured!.total, 1);
  // With a stage: Lina is the seed's rejected candidate.
  const rejected = await admin.call('list_candidates', { name: 'lina', status: 'APPLIED' });
  assert.equal(rejected.structured!.total, 0);
  assert.equal((await admin.call('list_candidates', { name: 'lina', status: 'REJECTED' })).structured!.total, 1);
  // The list went to GET /api/candidate with the status in `where`, never to /pagination (whose name search fails on Gauzy).
  sandbox.clearRequests();
  await admin.call('list_candidates', { name: 'greg', status: 'APPLIED' });
  assert.equal(requestsTo('GET', /\/pagination$/).length, 0);
  const read = requestsTo('GET', /^\/api\/candidate$/)[0]!;
  assert.equal((read.query.where as Item).status, 'APPLIED');
});

test('list_candidates refuses what it does not take, naming the field: a lower-case stage, an unknown argument', async () => {
  const lower = await admin.call('list_candidates', { status: 'applied' });
  assert.deepEqual(lower.error!.fields, ['status']);
  const unknown = await admin.call('list_candidates', { search: 'john' });
  assert.deepEqual(unknown.error!.fields, ['search']);
  assert.match(unknown.text, /name/);
});

// Checked against the real Gauzy: GET /api/candidate/:id without where[...] answers 400 "where should not be empty".
test('get_candidate_by_id sends its scope in where[...]; with relations, the text names skills, experience and feedbacks', async () => {
  const john = candidateNamed('John');
  sandbox.clearRequests();
  const got = await admin.call('get_candidate_by_id', { id: john.id, relations: ['skills', 'experience', 'feedbacks'] });
  assert.equal(got.isError, false, got.text);
  assert.deepEqual((requestsTo('GET', /^\/api\/candidate\//)[0]!.query.where as Item).organizationId, sandbox.seed.organizationId);
  assert.match(got.text, /^Found candidate: John S\. \(id [^)]+\) \[APPLIED\]/);
  assert.match(got.text, /skills: TypeScript \(id [^)]+\), PostgreSQL/);
  assert.match(got.text, /experience: Backend Developer, three years/);
  assert.match(got.text, /feedbacks: rating \d/);
  assert.equal(got.structured!.ratings, 4.5);
  const missing = await admin.call('get_candidate_by_id', { id: MISSING });
  assert.deepEqual([missing.error!.status, missing.error!.gauzyMessages], [404, ['The requested record was not found']]);
  assert.deepEqual((await admin.call('get_candidate_by_id', { id: '42' })).error!.fields, ['id']);
});

test('get_candidate_count counts by stage as the sandbox holds them', async () => {
  const count = await admin.call('get_candidate_count', { status: 'REJECTED' });
  assert.equal(count.structured!.count, candidates().filter((row) => row.status === 'REJECTED').length);
  assert.equal(count.text, `${String(count.structured!.count)} candidates.`);
});

test('create_candidate makes the user (CANDIDATE role), the candidate (APPLIED), its source and a welcome email; invalid arguments name the field', async () => {
  const before = sandbox.db.count('candidate');
  const created = await admin.call('create_candidate', { firstName: 'Ada', lastName: 'L.', email: 'ada@example.test', source: 'Referral', appliedDate: '2026-11-30', candidateLevel: 'B' });
  assert.equal(created.isError, false, created.text);
  assert.match(created.text, /^Created candidate: Ada L\. \(id [^)]+\) \[APPLIED\] · source Referral .* applied 2026-11-30\. Their password is random/);
  assert.equal(sandbox.db.count('candidate'), before + 1);
  const row = sandbox.db.get('candidate', String(created.structured!.id))!;
  assert.deepEqual([row.status, row.candidateLevel, row.organizationId], ['APPLIED', 'B', sandbox.seed.organizationId]);
  const user = sandbox.db.get('user', String(row.userId))!;
  assert.deepEqual([user.firstName, user.lastName, user.email], ['Ada', 'L.', 'ada@example.test']);
  assert.equal(sandbox.db.get('role', String(user.roleId))!.name, 'CANDIDATE');
  assert.ok(user.hash, 'a password was set');
  assert.equal(sandbox.db.get('candidateSource', String(row.sourceId))!.name, 'Referral');
  assert.ok(sandbox.db.list('emailHistory').some((email) => email.email === 'ada@example.test' && email.templateName === 'welcome-user'));
  for (const [args, field] of [[{ firstName: 'A', lastName: 'B', email: 'not-an-email' }, 'email'], [{ firstName: 'A', lastName: 'B', email: 'a@b.test', password: 'short' }, 'password'], [{ lastName: 'B', email: 'a@b.test' }, 'firstName']] as const) {
    const bad = await admin.call('create_candidate', args);
    assert.deepEqual(bad.error!.fields, [field], bad.text);
  }
});

test('update_candidate changes only the given columns (rating, level) and keeps the stage and dates; rate_candidate is the same tool', async () => {
  const id = await newCandidate('Bea', { appliedDate: '2026-11-20' });
  const before = structuredClone(sandbox.db.get('candidate', id)!);
  const updated = await admin.call('update_candidate', { id, rating: 3.5, candidateLevel: 'A' });
  assert.equal(updated.isError, false, updated.text);
  // Gauzy's save() answers null for the columns it was not given; the tool shows the candidate as it is.
  assert.match(updated.text, /^Updated candidate: Bea Tester \(id [^)]+\) \[APPLIED\] · rating 3\.5 · applied 2026-11-20/);
  const after = sandbox.db.get('candidate', id)!;
  assert.deepEqual([after.rating, after.candidateLevel, after.status, after.appliedDate], [3.5, 'A', 'APPLIED', before.appliedDate]);
  const rated = await admin.call('rate_candidate', { id, rating: 5 });
  assert.equal(rated.isError, false, rated.text);
  assert.equal(sandbox.db.get('candidate', id)!.rating, 5);
  assert.deepEqual((await admin.call('rate_candidate', { id, rating: 7 })).error!.fields, ['rating']);
  assert.equal((await admin.call('update_candidate', { id })).error!.code, 'GMCP_ERR_INVALID_ARGUMENTS');
  // Gauzy's PUT of an unknown id answers 400 (it tries to insert one); the tool looks it up first and answers 404, sending no PUT.
  sandbox.clearRequests();
  const missing = await admin.call('update_candidate', { id: MISSING, rating: 2 });
  assert.equal(missing.error!.status, 404);
  assert.equal(requestsTo('PUT', /^\/api\/candidate\//).length, 0);
});

test('update_candidate_stage: HIRED makes an employee of the candidate\'s user, REJECTED emails them, APPLIED reopens; Gauzy\'s 409 comes with a hint', async () => {
  const hire = await newCandidate('Cleo');
  const hired = await admin.call('update_candidate_stage', { id: hire, status: 'HIRED' });
  assert.equal(hired.isError, false, hired.text);
  const row = sandbox.db.get('candidate', hire)!;
  assert.equal(row.status, 'HIRED');
  assert.ok(row.hiredDate);
  const madeEmployee = sandbox.db.get('employee', String(row.employeeId))!;
  assert.equal(madeEmployee.userId, row.userId);
  assert.equal(sandbox.db.get('role', String(sandbox.db.get('user', String(row.userId))!.roleId))!.name, 'EMPLOYEE');
  assert.equal(hired.text, `Cleo Tester (id ${hire}) is HIRED: Gauzy made them an employee (employee id ${String(row.employeeId)}).`);
  // The answer's nulls for untouched columns (organizationId among them) are not taken over.
  assert.equal(hired.structured!.organizationId, sandbox.seed.organizationId);

  const again = await admin.call('update_candidate_stage', { id: hire, status: 'REJECTED' });
  assert.deepEqual([again.error!.status, again.error!.gauzyMessages], [409, ['The candidate is already hired, you cannot reject it.']]);
  assert.match(again.text, /What to do: .*list_employees/);
  sandbox.clearRequests();
  const reopen = await admin.call('update_candidate_stage', { id: hire, status: 'APPLIED' });
  assert.deepEqual(reopen.error!.fields, ['status']);
  assert.equal(requestsTo('PUT', /./).length, 0, 'a hire is not taken back');

  const reject = await newCandidate('Dora');
  const rejected = await admin.call('update_candidate_status', { id: reject, status: 'REJECTED' });
  assert.equal(rejected.isError, false, rejected.text);
  assert.match(rejected.text, /is REJECTED: Gauzy emails them/);
  assert.equal(sandbox.db.get('candidate', reject)!.status, 'REJECTED');
  assert.ok(sandbox.db.get('candidate', reject)!.rejectDate);
  const email = sandbox.db.get('user', String(sandbox.db.get('candidate', reject)!.userId))!.email;
  assert.ok(sandbox.db.list('emailHistory').some((entry) => entry.email === email && entry.templateName === 'reject-candidate'));
  const reopened = await admin.call('update_candidate_stage', { id: reject, status: 'APPLIED' });
  assert.equal(reopened.isError, false, reopened.text);
  assert.deepEqual([sandbox.db.get('candidate', reject)!.status, sandbox.db.get('candidate', reject)!.rejectDate], ['APPLIED', null]);

  assert.deepEqual((await admin.call('update_candidate_stage', { id: reject, status: 'INTERVIEW' })).error!.fields, ['status']);
  assert.equal((await admin.call('update_candidate_stage', { id: MISSING, status: 'HIRED' })).error!.status, 404);
});

test('delete_candidate removes the candidate with the feedbacks, interviews and skills Gauzy cascades; an unknown id is not found', async () => {
  const kasey = candidateNamed('Kasey');
  assert.ok(sandbox.db.list('candidateFeedback').some((feedback) => feedback.candidateId === kasey.id));
  const deleted = await admin.call('delete_candidate', { id: kasey.id });
  assert.equal(deleted.isError, false, deleted.text);
  assert.equal(sandbox.db.get('candidate', kasey.id), undefined);
  assert.ok(!sandbox.db.list('candidateFeedback').some((feedback) => feedback.candidateId === kasey.id));
  assert.ok(!sandbox.db.list('candidateInterview').some((interview) => interview.candidateId === kasey.id));
  assert.ok(sandbox.db.get('user', String(kasey.userId)), 'the user stays');
  assert.equal((await admin.call('delete_candidate', { id: kasey.id })).error!.code, 'GMCP_ERR_GAUZY_NOT_FOUND');
});

test('get_candidate_evaluations: the feedbacks of a stage per candidate, best average first, each with rating, verdict, interviewer by name and text', async () => {
  const result = await admin.call('get_candidate_evaluations', { candidateStatus: 'APPLIED' });
  assert.equal(result.isError, false, result.text);
  assertTextAgrees(result.text, result.structured!);
  const groups = result.structured!.candidates as Array<{ id: string; name: string; averageRating: number; feedbackCount: number; feedbacks: Item[] }>;
  const stored = sandbox.db.list('candidateFeedback').filter((feedback) => sandbox.db.get('candidate', String(feedback.candidateId))?.status === 'APPLIED');
  assert.equal(result.structured!.feedbackTotal, stored.length);
  assert.ok(groups.every((group) => sandbox.db.get('candidate', group.id)!.status === 'APPLIED'));
  const averages = groups.map((group) => group.averageRating);
  assert.deepEqual(averages, [...averages].sort((a, b) => b - a));
  assert.equal(groups[0]!.name, 'Estella E.');
  // The interviewer is the employee behind the feedback's CandidateInterviewers row, by name.
  const feedback = stored.find((entry) => entry.description === 'Excellent portfolio')!;
  const interviewer = sandbox.db.get('candidateInterviewers', String(feedback.interviewerId))!;
  const name = employeeName(String(interviewer.employeeId));
  assert.ok(result.text.includes(`- rating 5 [HIRED] by ${name} (employee id ${String(interviewer.employeeId)}) in "Interview with Estella"`), result.text);
  assert.match(result.text, /^- Estella E\. \(id [^)]+\) \[APPLIED\]: average rating 5 of 2$/m);
  // One candidate, by id.
  const jaye = candidateNamed('Jaye');
  const one = await admin.call('get_candidate_evaluations', { candidateId: jaye.id });
  assert.deepEqual((one.structured!.candidates as Item[]).map((group) => group.id), [jaye.id]);
  assert.match(one.text, /Jaye J\. .*average rating 4 of 2/);
  // Paged over candidates.
  const first = await admin.call('get_candidate_evaluations', { candidateStatus: 'APPLIED', take: 2 });
  assert.deepEqual([(first.structured!.candidates as Item[]).length, first.structured!.nextSkip], [2, 2]);
  const none = await admin.call('get_candidate_evaluations', { candidateId: candidateNamed('Omar').id });
  assert.match(none.text, /^No feedbacks found/);
  assert.deepEqual((await admin.call('get_candidate_evaluations', { candidateStatus: 'hired' })).error!.fields, ['candidateStatus']);
});

test('get_candidate_qualifications and add_candidate_qualifications: skills, experience and education in one answer; each one added is stored', async () => {
  const greg = candidateNamed('Greg');
  const added = await admin.call('add_candidate_skill', {
    candidateId: greg.id, skill: 'Cypress', experience: { occupation: 'QA Engineer', duration: 'two years' },
    education: { schoolName: 'Tech School', degree: 'Bachelor', field: 'Informatics', completionDate: '2020-07-01' },
  });
  assert.equal(added.isError, false, added.text);
  assert.match(added.text, /^Greg G\. \(id [^)]+\): added 3 of 3\./);
  assert.ok(sandbox.db.list('candidateSkill').some((skill) => skill.candidateId === greg.id && skill.name === 'Cypress' && skill.organizationId === sandbox.seed.organizationId));
  assert.ok(sandbox.db.list('candidateExperience').some((entry) => entry.candidateId === greg.id && entry.occupation === 'QA Engineer'));
  assert.ok(sandbox.db.list('candidateEducation').some((entry) => entry.candidateId === greg.id && entry.schoolName === 'Tech School'));
  for (const alias of ['get_candidate_skills', 'get_candidate_experience', 'get_candidate_education', 'get_candidate_qualifications']) {
    const read = await admin.call(alias, { candidateId: greg.id });
    assert.equal(read.isError, false, read.text);
    assert.match(read.text, /Skills: Cypress \(id [^)]+\)\nExperience: QA Engineer, two years \(id [^)]+\)\nEducation: Bachelor in Informatics, Tech School, completed 2020-07-01/);
  }
  const nothing = await admin.call('add_candidate_education', { candidateId: greg.id });
  assert.equal(nothing.error!.code, 'GMCP_ERR_INVALID_ARGUMENTS');
  const incomplete = await admin.call('add_candidate_experience', { candidateId: greg.id, experience: { occupation: 'Dev' } });
  assert.deepEqual(incomplete.error!.fields, ['experience.duration']);
  sandbox.clearRequests();
  const unknown = await admin.call('add_candidate_skill', { candidateId: MISSING, skill: 'Go' });
  assert.equal(unknown.error!.status, 404);
  assert.equal(requestsTo('POST', /./).length, 0);
});

test('send_bulk_emails emails Gauzy\'s candidate invitation to each address and reports each; Gauzy invites an address again when asked again', async () => {
  const sent = await admin.call('send_bulk_emails', { emails: ['one@example.test', 'Two@Example.test', 'two@example.test'], appliedDate: '2026-12-01' });
  assert.equal(sent.isError, false, sent.text);
  assert.match(sent.text, /^Gauzy emailed 2 candidate invitation\(s\) as role CANDIDATE:/);
  const invites = sandbox.db.list('invite').filter((invite) => ['one@example.test', 'two@example.test'].includes(String(invite.email)));
  assert.equal(invites.length, 2);
  const candidateRole = sandbox.db.list('role').find((role) => role.name === 'CANDIDATE' && role.tenantId === sandbox.seed.tenantId)!;
  assert.ok(invites.every((invite) => invite.roleId === candidateRole.id && invite.status === 'INVITED' && invite.organizationId === sandbox.seed.organizationId));
  assert.ok(sandbox.db.list('emailHistory').some((email) => email.email === 'one@example.test'));
  for (const invite of invites) assert.ok(sent.text.includes(`- ${String(invite.email)}: invite ${invite.id}`));
  // The invite's token (its accept link) is not passed on.
  assert.ok(!JSON.stringify(sent.structured).includes(String(invites[0]!.token)));
  const again = await admin.call('send_bulk_emails', { emails: ['one@example.test'] });
  assert.deepEqual((again.structured!.invited as Item[]).length, 1);
  assert.deepEqual((await admin.call('send_bulk_emails', { emails: ['nope'] })).error!.fields, ['emails.0']);
  assert.deepEqual((await admin.call('send_bulk_emails', { emails: [] })).error!.fields, ['emails']);
});

test('the role matrix: the employee role has no candidate permission (403 with Gauzy\'s message), reads feedbacks (Gauzy guards them by tenant only) and invites as EMPLOYEE', async () => {
  const john = candidateNamed('John');
  const refused: Array<[string, Item]> = [
    ['list_candidates', {}], ['get_candidate_by_id', { id: john.id }], ['get_candidate_count', {}],
    ['create_candidate', { firstName: 'No', lastName: 'Way', email: 'no@example.test' }], ['update_candidate', { id: john.id, rating: 1 }],
    ['update_candidate_stage', { id: john.id, status: 'REJECTED' }], ['delete_candidate', { id: john.id }],
    ['get_candidate_qualifications', { candidateId: john.id }], ['add_candidate_qualifications', { candidateId: john.id, skill: 'X' }],
  ];
  for (const [tool, args] of refused) {
    const outcome = await employee.call(tool, args);
    assert.equal(outcome.isError, true, `${tool}: ${outcome.text}`);
    assert.deepEqual([outcome.error!.status, outcome.error!.gauzyMessages], [403, ['Forbidden resource']], tool);
  }
  assert.equal(sandbox.db.get('candidate', john.id)!.status, 'APPLIED', 'nothing changed');
  const feedbacks = await employee.call('get_candidate_evaluations', { candidateId: john.id });
  assert.equal(feedbacks.isError, false, feedbacks.text);
  assert.match(feedbacks.text, /John S\./);
  // RoleController.findOneRoleByOptions answers an employee with their own role: Gauzy's invite then carries EMPLOYEE.
  const invited = await employee.call('send_bulk_emails', { emails: ['friend@example.test'] });
  assert.equal(invited.isError, false, invited.text);
  assert.match(invited.text, /as role EMPLOYEE/);
  // As admin the same calls work.
  assert.equal((await admin.call('get_candidate_qualifications', { candidateId: john.id })).isError, false);
});

test('every relation the pack offers is one Gauzy has: each comes back on the record from list_candidates and get_candidate_by_id', async () => {
  await assertRelationsResolve(admin, candidateEntity.include, { list: ['list_candidates'], get: 'get_candidate_by_id' });
});
