import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };
import { GOALS_TOOLSET, KEY_RESULTS_TOOLSET } from './entities.js';
import { createGoal, deleteGoal, listGoals, retiredGoalTools, updateGoal, updateGoalProgress } from './tools/goals.js';
import { createKeyResult, deleteKeyResult, listKeyResults, updateKeyResult, updateKeyResultProgress } from './tools/key-results.js';
import { getGoalStatistics, listGoalTemplates } from './tools/statistics.js';

export const goalsPlugin = definePlugin({
  name: 'goals',
  version: packageJson.version,
  description: 'Gauzy goals (OKRs) and their key results: progress recorded as the web app does, alignment, statistics, templates.',
  kernel: '^1.2.0',
  toolsets: [
    { name: GOALS_TOOLSET, description: 'Goals (objectives): find, mine, team, CRUD, align, progress, statistics, templates' },
    { name: KEY_RESULTS_TOOLSET, description: 'Key results: find, mine, CRUD, record progress and its history' },
  ],
  tools: [
    listGoals,
    createGoal,
    updateGoal,
    updateGoalProgress,
    deleteGoal,
    getGoalStatistics,
    listGoalTemplates,
    listKeyResults,
    createKeyResult,
    updateKeyResult,
    updateKeyResultProgress,
    deleteKeyResult,
    ...retiredGoalTools,
  ],
});

export default goalsPlugin;
