import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };
import { CANDIDATES_TOOLSET } from './entities.js';
import { candidateCrudTools } from './tools/candidates.js';
import { sendBulkEmails } from './tools/emails.js';
import { getCandidateEvaluations } from './tools/evaluations.js';
import { addCandidateQualifications, getCandidateQualifications } from './tools/qualifications.js';

export const candidatesPlugin = definePlugin({
  name: 'candidates',
  version: packageJson.version,
  description: 'Gauzy recruitment: candidates, their stage, feedbacks, skills, experience and education, and invitations.',
  kernel: '^1.1.0',
  toolsets: [{ name: CANDIDATES_TOOLSET, description: 'Recruitment: candidates, stages, feedbacks, qualifications, invitations' }],
  tools: [...candidateCrudTools, getCandidateEvaluations, getCandidateQualifications, addCandidateQualifications, sendBulkEmails],
});

export default candidatesPlugin;
