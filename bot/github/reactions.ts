/**
 * Reactions on the comment that carried a command: eyes while the bot works
 * on something slow, then rocket (done) or confused (refused or failed).
 */
import type { Delivery } from '../delivery.js';

export type Reaction = 'eyes' | 'rocket' | 'confused';

/** Adds a reaction; a failure is logged, never fatal (a reaction is a courtesy). */
export async function react(delivery: Delivery, commentId: number, content: Reaction): Promise<void> {
  const { client, owner, repo } = delivery;
  try {
    await client.rest.reactions.createForIssueComment({ owner, repo, comment_id: commentId, content });
  } catch (error) {
    delivery.log.warn(`could not react ${content} to comment ${commentId}: ${(error as Error).message}`);
  }
}
