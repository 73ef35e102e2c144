import type { ActivityDependencies } from '../dependencies';
import type { SendBatchRequest, SendBatchResult, SendMessageRequest, SendOutcome } from '../../domain/messages/mail';

// Being written by the email work (issue 4). These signatures are the contract workflows use.
export function createMailActivities(_deps: ActivityDependencies) {
  return {
    /** Sends one message exactly once per (event, recipient, purpose, revision). */
    async sendMessage(_request: SendMessageRequest): Promise<SendOutcome> {
      throw new Error('sendMessage: not implemented yet');
    },
    /** Sends one purpose to many recipients, heartbeating progress; resumes after a crash. */
    async sendMessageBatch(_request: SendBatchRequest): Promise<SendBatchResult> {
      throw new Error('sendMessageBatch: not implemented yet');
    },
  };
}
