import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };
import { TIME_TRACKING_TOOLSET } from './entities.js';
import { activeTimers } from './resources.js';
import { addManualTimeLog, deleteTimeLogs, getDailyTimeReport, getTimeLog, getTimeLogs, updateTimeLog } from './tools/logs.js';
import { getActiveTimers, startTimer, stopTimer, timerStatus } from './tools/timer.js';

export const timeTrackingPlugin = definePlugin({
  name: 'time-tracking',
  version: packageJson.version,
  description: 'Gauzy time tracking: the timer, time logs and the daily report.',
  kernel: '^1.3.0',
  toolsets: [{ name: TIME_TRACKING_TOOLSET, description: 'Timer, time logs, active timers, daily report', default: true }],
  tools: [timerStatus, startTimer, stopTimer, getActiveTimers, getTimeLogs, getTimeLog, addManualTimeLog, updateTimeLog, deleteTimeLogs, getDailyTimeReport],
  resources: [activeTimers],
});

export default timeTrackingPlugin;
