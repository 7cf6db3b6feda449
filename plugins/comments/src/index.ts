import { definePlugin } from '@gauzy-mcp/core';
import packageJson from '../package.json' with { type: 'json' };
import { ACTIVITY_LOG_TOOLSET, COMMENTS_TOOLSET, NOTIFICATIONS_TOOLSET } from './entities.js';
import { listActivityLogs, retiredActivityLogTools } from './tools/activity-log.js';
import { createComment, deleteComment, getComment, listComments, retiredCommentTools, updateComment } from './tools/comments.js';
import { sendNotifications } from './tools/notifications.js';

export const commentsPlugin = definePlugin({
  name: 'comments',
  version: packageJson.version,
  description: 'Gauzy comments, activity log and notifications.',
  kernel: '^1.2.0',
  toolsets: [
    { name: COMMENTS_TOOLSET, description: 'Comments on tasks, projects and other records: read, post, reply, edit, delete' },
    { name: ACTIVITY_LOG_TOOLSET, description: 'The activity log: who changed which record, and what' },
    { name: NOTIFICATIONS_TOOLSET, description: 'In-app notifications to employees' },
  ],
  tools: [
    listComments, getComment, createComment, updateComment, deleteComment, ...retiredCommentTools,
    listActivityLogs, ...retiredActivityLogTools,
    sendNotifications,
  ],
});

export default commentsPlugin;
