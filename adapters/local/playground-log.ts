// The playground's message history, in memory: what the core posted to its channels
// and threads. The page reads it to show messages beyond the direct reply.
import type { TextMessage } from '../../src/runtime/text-chat-gateway.js';

const MAX_MESSAGES = 2000;

export class PlaygroundLog {
  private readonly messages: TextMessage[] = [];

  add(message: TextMessage): void {
    this.messages.push(message);
    if (this.messages.length > MAX_MESSAGES)
      this.messages.splice(0, this.messages.length - MAX_MESSAGES);
  }

  /** How many messages were ever added; pass it to `since` later. */
  get mark(): string | null {
    return this.messages.at(-1)?.messageId ?? null;
  }

  /** Messages added after the one with id `mark` (all of them for null). */
  since(mark: string | null): TextMessage[] {
    if (mark === null) return [...this.messages];
    const index = this.messages.findIndex((m) => m.messageId === mark);
    return this.messages.slice(index + 1);
  }
}
