import type { ActivityDependencies } from '../dependencies';

// Filled by the email work (issue 4): sendMessage, sendMessageBatch, previewMessage.
export function createMailActivities(_deps: ActivityDependencies) {
  return {};
}
