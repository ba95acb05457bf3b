// The playground page's entry: loads the workspace, follows the live feed as the chosen
// person, and wires the composers, buttons, threads, modals and the person switcher.
import { getState, postJson, type Person, type WireMessage, type WireModal } from './api.js';
import { attachComposer } from './composer.js';
import { byId, el } from './dom.js';
import { FormModal, attachPersonDialog } from './modal.js';
import { ClientState, dmOf } from './state.js';
import { placeMessage, renderSidebar, renderThread, renderTimeline } from './timeline.js';

const USER_KEY = 'cx-playground-user';
const state = new ClientState(localStorage.getItem(USER_KEY) ?? 'ana');
const modal = new FormModal(() => state.me);
let feed: EventSource | null = null;

const status = (text: string): void => {
  byId('status').textContent = text;
};

const renderPeople = (): void => {
  const select = byId<HTMLSelectElement>('who');
  select.replaceChildren(
    ...state.people.map((p) => el('option', { text: p.name, attrs: { value: p.id } })),
  );
  select.value = state.me;
};

const renderEmpty = (): void => {
  byId('empty').hidden = !(state.empty && state.demo && state.channel === 'general');
};

const renderAll = (): void => {
  renderPeople();
  renderSidebar(state);
  renderTimeline(state);
  renderThread(state);
  renderEmpty();
};

const refreshState = async (): Promise<void> => {
  const fresh = await getState();
  state.people = fresh.people;
  state.commands = fresh.commands;
  for (const c of fresh.channels) if (!state.channels.includes(c)) state.channels.push(c);
  state.empty = fresh.empty;
  state.demo = fresh.demo;
};

const onMessage = (message: WireMessage): void => {
  placeMessage(message, state, state.put(message));
  if (state.empty && message.author.bot) void refreshState().then(renderEmpty);
};

/** Follows the feed as `state.me`; a new person means a new feed and a fresh history. */
const connect = (): void => {
  feed?.close();
  feed = new EventSource(`/api/events?user=${encodeURIComponent(state.me)}`);
  const on = <T>(type: string, handle: (data: T) => void): void =>
    feed?.addEventListener(type, (event) =>
      handle(JSON.parse((event as MessageEvent<string>).data) as T),
    );
  on<{ people: Person[]; messages: WireMessage[] }>('reset', (data) => {
    state.people = data.people;
    state.reset(data.messages);
    renderAll();
    status('Live');
  });
  on<{ message: WireMessage }>('message', (data) => onMessage(data.message));
  on<{ message: WireMessage }>('update', (data) =>
    placeMessage(data.message, state, state.put(data.message)),
  );
  on<{ modal: WireModal }>('modal', (data) => modal.open(data.modal));
  on<{ people: Person[] }>('people', (data) => {
    state.people = data.people;
    renderPeople();
  });
  feed.addEventListener('error', () => status('Reconnecting…'));
};

const switchPerson = (id: string): void => {
  state.me = id;
  localStorage.setItem(USER_KEY, id);
  modal.close();
  // The open thread stays open: two people taking turns in one 5-why is the point.
  if (state.channel.startsWith('dm-')) {
    state.channel = dmOf(id);
    state.thread = null;
  }
  status('Connecting…');
  connect();
};

const openChannel = (channelId: string): void => {
  state.channel = channelId;
  state.thread = null;
  state.unread.delete(channelId);
  renderAll();
  byId('line').focus();
};

const openThread = (id: string): void => {
  state.thread = id;
  renderThread(state);
  byId('thread-line').focus();
};

const closeThread = (): void => {
  const root = state.thread;
  state.thread = null;
  renderThread(state);
  const origin =
    root &&
    document.querySelector<HTMLElement>(`[data-msg-id="${CSS.escape(root)}"] [data-open-thread]`);
  (origin || byId('line')).focus();
};

const pressButton = async (button: HTMLButtonElement): Promise<void> => {
  const holder = button.closest<HTMLElement>('[data-msg-id]');
  const message = holder && state.get(holder.dataset.msgId ?? '');
  if (!message) return;
  button.disabled = true;
  // A picker's button sends what its input or select holds.
  const picked =
    'picker' in button.dataset
      ? button.parentElement?.querySelector<HTMLInputElement | HTMLSelectElement>('input, select')
          ?.value
      : undefined;
  const reply = await postJson('/api/action', {
    actionId: button.dataset.actionId,
    value: button.dataset.actionValue,
    ...(picked ? { selected: picked } : {}),
    user: state.me,
    channel: message.channelId,
    thread: message.threadId,
  });
  button.disabled = false;
  if (!reply.ok) status(reply.error ?? 'That did not work.');
};

const onClick = (event: MouseEvent): void => {
  const target = event.target as HTMLElement;
  const channel = target.closest<HTMLElement>('[data-channel]');
  if (channel) return openChannel(channel.dataset.channel ?? 'general');
  const thread = target.closest<HTMLElement>('[data-open-thread]');
  if (thread) return openThread(thread.dataset.openThread ?? '');
  const action = target.closest<HTMLButtonElement>('button[data-action-id]');
  if (action) void pressButton(action);
};

const loadDemo = async (): Promise<void> => {
  const button = byId<HTMLButtonElement>('load-demo');
  button.disabled = true;
  button.textContent = 'Loading…';
  const reply = await postJson('/api/demo', { user: state.me, channel: 'general' });
  button.disabled = false;
  button.textContent = 'Load demo data';
  if (!reply.ok) status(reply.error ?? 'The demo data did not load.');
  await refreshState();
  renderEmpty();
};

const sendLine = async (line: string, thread: string | null): Promise<void> => {
  const root = thread ? state.get(thread) : undefined;
  const reply = await postJson('/api/command', {
    line,
    user: state.me,
    channel: root?.channelId ?? state.channel,
    thread,
  });
  if (!reply.ok) status(reply.error ?? 'That was not sent.');
};

const wire = (): void => {
  attachComposer({
    area: byId<HTMLTextAreaElement>('line'),
    form: byId<HTMLFormElement>('composer'),
    commands: () => state.commands,
    send: (line) => sendLine(line, null),
  });
  attachComposer({
    area: byId<HTMLTextAreaElement>('thread-line'),
    form: byId<HTMLFormElement>('thread-composer'),
    send: (line) => sendLine(line, state.thread),
  });
  attachPersonDialog(switchPerson);
  byId<HTMLSelectElement>('who').addEventListener('change', (e) =>
    switchPerson((e.target as HTMLSelectElement).value),
  );
  byId('close-thread').addEventListener('click', closeThread);
  byId('load-demo').addEventListener('click', () => void loadDemo());
  document.addEventListener('click', onClick);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && state.thread && !document.querySelector('dialog[open]'))
      closeThread();
  });
};

const start = async (): Promise<void> => {
  wire();
  await refreshState();
  if (!state.people.some((p) => p.id === state.me)) state.me = state.people[0]?.id ?? 'ana';
  renderAll();
  connect();
  byId('line').focus();
};

void start();
