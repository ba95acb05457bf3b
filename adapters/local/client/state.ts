// What the page knows: who is acting, where they are looking, and every message the
// live feed has delivered to them.
import type { CommandInfo, Person, WireMessage } from './api.js';

export const dmOf = (userId: string): string => `dm-${userId}`;

export class ClientState {
  me: string;
  people: Person[] = [];
  commands: CommandInfo[] = [];
  channels: string[] = [];
  channel = 'general';
  thread: string | null = null;
  empty = false;
  demo = false;
  readonly unread = new Map<string, number>();
  private messages = new Map<string, WireMessage>();

  constructor(me: string) {
    this.me = me;
  }

  reset(messages: WireMessage[]): void {
    this.messages = new Map(messages.map((m) => [m.id, m]));
    this.unread.clear();
    for (const m of messages) this.noteChannel(m.channelId);
  }

  /** Stores a message; true when it is new. */
  put(message: WireMessage): boolean {
    const isNew = !this.messages.has(message.id);
    this.messages.set(message.id, message);
    this.noteChannel(message.channelId);
    return isNew;
  }

  get(id: string): WireMessage | undefined {
    return this.messages.get(id);
  }

  topLevel(channelId: string): WireMessage[] {
    return [...this.messages.values()].filter((m) => m.channelId === channelId && !m.threadId);
  }

  replies(threadId: string): WireMessage[] {
    return [...this.messages.values()].filter((m) => m.threadId === threadId);
  }

  nameOf(userId: string): string {
    return this.people.find((p) => p.id === userId)?.name ?? userId;
  }

  /** How a channel is labelled: "#general", or the bot's name for direct messages. */
  label(channelId: string): string {
    return channelId === dmOf(this.me) ? 'CX Habits' : `#${channelId}`;
  }

  private noteChannel(channelId: string): void {
    if (!channelId.startsWith('dm-') && !this.channels.includes(channelId))
      this.channels.push(channelId);
  }
}
