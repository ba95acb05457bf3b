// What the playground's server sends and accepts (see adapters/local/playground-api.ts).

export interface Person {
  id: string;
  name: string;
}

export interface WireMessage {
  id: string;
  channelId: string;
  threadId: string | null;
  onlyFor: string | null;
  author: { id: string | null; name: string; bot: boolean };
  /** Rendered and escaped by the server's one renderer. */
  html: string;
  text: string;
  error: boolean;
  at: string;
  edited: boolean;
}

export interface WireModal {
  formId: string;
  title: string;
  submitLabel: string;
  html: string;
  privateValue: string | null;
  channelId: string;
  threadId: string | null;
}

export interface CommandInfo {
  name: string;
  summary: string;
  usage: string;
}

export interface PlaygroundState {
  people: Person[];
  channels: string[];
  commands: CommandInfo[];
  empty: boolean;
  demo: boolean;
}

export interface ApiReply {
  ok: boolean;
  error?: string;
}

export const postJson = async <T extends ApiReply = ApiReply>(
  path: string,
  body: unknown,
): Promise<T> => {
  try {
    const res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await res.json()) as T;
  } catch {
    return { ok: false, error: 'The playground did not answer. Is it still running?' } as T;
  }
};

export const getState = async (): Promise<PlaygroundState> => {
  const res = await fetch('/api/state');
  return (await res.json()) as PlaygroundState;
};
