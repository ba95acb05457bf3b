// The playground's workspace, in memory: its people, channels, messages (rendered to HTML
// once, when posted), chart images, and the pages listening for news. Each page listens as
// one person and hears only what that person may see.
import type { MessageView } from '../../src/core/views/message-view.js';
import { renderPlainText } from '../../src/core/views/render-plain-text.js';
import { formOf, renderFormHtml } from './render-form-html.js';
import { renderViewHtml, userTextHtml, type RenderContext } from './render-view-html.js';
import { PlaygroundImages } from './playground-images.js';

export interface PlaygroundAuthor {
  id: string | null;
  name: string;
  bot: boolean;
}

export interface PlaygroundMessage {
  id: string;
  channelId: string;
  threadId: string | null;
  /** Set for private messages: only this person sees them. */
  onlyFor: string | null;
  author: PlaygroundAuthor;
  html: string;
  text: string;
  error: boolean;
  at: string;
  edited: boolean;
}

export interface PlaygroundModal {
  formId: string;
  title: string;
  submitLabel: string;
  html: string;
  privateValue: string | null;
  /** Where the answer to the form goes. */
  channelId: string;
  threadId: string | null;
}

export type PlaygroundEvent =
  | { type: 'message' | 'update'; message: PlaygroundMessage }
  | { type: 'modal'; modal: PlaygroundModal }
  | { type: 'people'; people: PlaygroundPerson[] };

export interface PlaygroundPerson {
  id: string;
  name: string;
}

export interface Place {
  channelId: string;
  threadId?: string | null;
  onlyFor?: string | null;
}

type Listener = (event: PlaygroundEvent) => void;

const MAX_MESSAGES = 2000;
export const BOT_AUTHOR: PlaygroundAuthor = { id: null, name: 'CX Habits', bot: true };
export const DEFAULT_CHANNELS = ['general', 'team'] as const;
const DEFAULT_PEOPLE: PlaygroundPerson[] = [
  { id: 'ana', name: 'Ana' },
  { id: 'ben', name: 'Ben' },
];

export class PlaygroundLog {
  private readonly messages: PlaygroundMessage[] = [];
  private readonly people = new Map(DEFAULT_PEOPLE.map((p) => [p.id, p]));
  private readonly listeners = new Map<Listener, string>();
  private readonly images = new PlaygroundImages();
  private seq = 0;

  private readonly render: RenderContext = {
    nameOf: (id) => this.people.get(id)?.name ?? id,
    imageUrl: (png) => this.images.add(png),
    people: () => this.listPeople(),
  };

  /** A person the switcher offers; returns the list when it changed. */
  addPerson(id: string, name: string): PlaygroundPerson {
    const known = this.people.get(id);
    if (known) return known;
    const person = { id, name };
    this.people.set(id, person);
    this.emit({ type: 'people', people: this.listPeople() }, null);
    return person;
  }

  listPeople(): PlaygroundPerson[] {
    return [...this.people.values()];
  }

  /** Every channel a message has been posted in, direct messages aside. */
  channels(): string[] {
    return [...new Set(this.messages.map((m) => m.channelId))].filter((c) => !c.startsWith('dm-'));
  }

  image(id: string): Buffer | undefined {
    return this.images.get(id);
  }

  /** Posts a view from the bot. */
  postView(place: Place, view: MessageView): PlaygroundMessage {
    return this.add(place, BOT_AUTHOR, renderViewHtml(view, this.render), renderPlainText(view), {
      error: view.tone === 'error',
    });
  }

  /** Posts what a person typed, as they typed it. */
  postText(place: Place, author: PlaygroundPerson, text: string): PlaygroundMessage {
    const who = { id: author.id, name: author.name, bot: false };
    return this.add(place, who, userTextHtml(text), text, { error: false });
  }

  /** Replaces a message the bot posted; false when it is gone (or never was). */
  update(messageId: string, view: MessageView): boolean {
    const index = this.messages.findIndex((m) => m.id === messageId);
    const old = this.messages[index];
    if (!old) return false;
    const message: PlaygroundMessage = {
      ...old,
      html: renderViewHtml(view, this.render),
      text: renderPlainText(view),
      error: view.tone === 'error',
      edited: true,
    };
    this.messages[index] = message;
    this.emit({ type: 'update', message }, message.onlyFor);
    return true;
  }

  /** Opens a view's form as a modal for one person; false when the view has no form. */
  openModal(userId: string, view: MessageView, origin: Place): boolean {
    const form = formOf(view);
    if (!form) return false;
    const modal: PlaygroundModal = {
      formId: form.id,
      title: form.title,
      submitLabel: form.submitLabel,
      html: renderFormHtml(view, form, { ...this.render, users: this.listPeople() }),
      privateValue: form.privateValue ?? null,
      channelId: origin.channelId,
      threadId: origin.threadId ?? null,
    };
    this.emit({ type: 'modal', modal }, userId);
    return true;
  }

  /** What one person may see, oldest first. */
  visibleTo(userId: string): PlaygroundMessage[] {
    return this.messages.filter((m) => m.onlyFor === null || m.onlyFor === userId);
  }

  find(messageId: string): PlaygroundMessage | undefined {
    return this.messages.find((m) => m.id === messageId);
  }

  /** Listens as `userId`; returns the call that stops listening. */
  subscribe(userId: string, listener: Listener): () => void {
    this.listeners.set(listener, userId);
    return () => this.listeners.delete(listener);
  }

  private add(
    place: Place,
    author: PlaygroundAuthor,
    html: string,
    text: string,
    extra: { error: boolean },
  ): PlaygroundMessage {
    this.seq += 1;
    const message: PlaygroundMessage = {
      id: `m${this.seq}`,
      channelId: place.channelId,
      threadId: place.threadId ?? null,
      onlyFor: place.onlyFor ?? null,
      author,
      html,
      text,
      error: extra.error,
      at: new Date().toISOString(),
      edited: false,
    };
    this.messages.push(message);
    if (this.messages.length > MAX_MESSAGES)
      this.messages.splice(0, this.messages.length - MAX_MESSAGES);
    this.emit({ type: 'message', message }, message.onlyFor);
    return message;
  }

  /** Sends to every listener, or only to `onlyFor`'s. A failing listener never stops the rest. */
  private emit(event: PlaygroundEvent, onlyFor: string | null): void {
    for (const [listener, userId] of this.listeners) {
      if (onlyFor !== null && onlyFor !== userId) continue;
      try {
        listener(event);
      } catch {
        this.listeners.delete(listener);
      }
    }
  }
}
