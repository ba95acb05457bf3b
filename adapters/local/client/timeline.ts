// Draws messages: the channel's timeline in the middle and the open thread on the right.
// Each message's body is the server's HTML; everything around it is built as text.
import type { WireMessage } from './api.js';
import { byId, el, keepAtBottom, serverHtml } from './dom.js';
import { dmOf, type ClientState } from './state.js';

const timeOf = (iso: string): string =>
  new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();

const repliesLabel = (n: number): string => (n === 1 ? '1 reply' : `${n} replies`);

const meta = (m: WireMessage): HTMLElement => {
  const line = el(
    'div',
    { className: 'meta' },
    el('span', { className: 'author', text: m.author.name }),
    el('time', { text: timeOf(m.at), attrs: { datetime: m.at } }),
  );
  if (m.onlyFor) line.append(el('span', { className: 'private-tag', text: 'Only visible to you' }));
  if (m.edited) line.append(el('span', { className: 'edited', text: '(edited)' }));
  return line;
};

/** The "N replies" link under a message that has a thread. */
const threadFoot = (m: WireMessage, state: ClientState): HTMLElement => {
  const foot = el('div', { className: 'foot' });
  const count = state.replies(m.id).length;
  if (count > 0)
    foot.append(
      el('button', {
        className: 'link',
        text: repliesLabel(count),
        attrs: { type: 'button', 'data-open-thread': m.id },
      }),
    );
  return foot;
};

export const messageElement = (
  m: WireMessage,
  state: ClientState,
  where: 'channel' | 'thread',
): HTMLLIElement => {
  const classes = ['msg', m.author.bot ? 'bot' : 'person'];
  if (m.onlyFor) classes.push('private');
  if (m.error) classes.push('error');
  const main = el('div', { className: 'main' }, meta(m));
  main.append(el('div', { className: 'body' }, serverHtml(m.html)));
  const li = el(
    'li',
    { className: classes.join(' '), attrs: { 'data-msg-id': m.id } },
    el('div', {
      className: 'avatar',
      text: m.author.bot ? 'CX' : initials(m.author.name),
      attrs: { 'aria-hidden': 'true' },
    }),
    main,
  );
  if (where === 'channel' && !m.threadId) {
    main.append(threadFoot(m, state));
    li.append(
      el('button', {
        className: 'btn btn-quiet reply-btn',
        text: 'Reply',
        attrs: {
          type: 'button',
          'data-open-thread': m.id,
          'aria-label': `Reply in thread to ${m.author.name}`,
        },
      }),
    );
  }
  return li;
};

/**
 * Images load after the message is placed and push the list down; if the reader was at
 * the bottom before this image grew the list, keep them there.
 */
const pinImages = (list: HTMLElement, node: HTMLElement): void => {
  for (const img of node.querySelectorAll('img'))
    img.addEventListener(
      'load',
      () => {
        const below = list.scrollHeight - list.scrollTop - list.clientHeight;
        if (below - img.clientHeight < 80) list.scrollTop = list.scrollHeight;
      },
      { once: true },
    );
};

export const renderTimeline = (state: ClientState): void => {
  const list = byId('timeline');
  list.replaceChildren(
    ...state.topLevel(state.channel).map((m) => messageElement(m, state, 'channel')),
  );
  list.scrollTop = list.scrollHeight;
  pinImages(list, list);
  byId('channel-title').textContent = state.label(state.channel);
  byId<HTMLTextAreaElement>('line').placeholder =
    `Message ${state.label(state.channel)}, or type / for commands`;
};

export const renderThread = (state: ClientState): void => {
  const panel = byId('thread');
  const root = state.thread ? state.get(state.thread) : undefined;
  panel.hidden = !root;
  if (!root) return;
  const list = byId('thread-timeline');
  const first = messageElement(root, state, 'thread');
  first.classList.add('root');
  list.replaceChildren(
    first,
    ...state.replies(root.id).map((m) => messageElement(m, state, 'thread')),
  );
  list.scrollTop = list.scrollHeight;
  pinImages(list, list);
  byId('thread-title').textContent = `Thread in ${state.label(root.channelId)}`;
};

/** Puts a new or edited message wherever it shows. */
export const placeMessage = (m: WireMessage, state: ClientState, isNew: boolean): void => {
  const replace = (list: HTMLElement, where: 'channel' | 'thread'): boolean => {
    const old = list.querySelector(`[data-msg-id="${CSS.escape(m.id)}"]`);
    if (!old) return false;
    const next = messageElement(m, state, where);
    if (old.classList.contains('root')) next.classList.add('root');
    old.replaceWith(next);
    return true;
  };
  const timeline = byId('timeline');
  const thread = byId('thread-timeline');
  if (!isNew) {
    replace(timeline, 'channel');
    replace(thread, 'thread');
    return;
  }
  if (m.channelId !== state.channel) {
    state.unread.set(m.channelId, (state.unread.get(m.channelId) ?? 0) + 1);
    renderSidebar(state);
    return;
  }
  if (!m.threadId) {
    const node = messageElement(m, state, 'channel');
    keepAtBottom(timeline, () => timeline.append(node));
    pinImages(timeline, node);
    return;
  }
  // A reply changes its root's "N replies" link.
  const root = state.get(m.threadId);
  const rootNode = timeline.querySelector(`[data-msg-id="${CSS.escape(m.threadId)}"]`);
  if (root && rootNode) rootNode.replaceWith(messageElement(root, state, 'channel'));
  if (state.thread === m.threadId) {
    const node = messageElement(m, state, 'thread');
    keepAtBottom(thread, () => thread.append(node));
    pinImages(thread, node);
  }
};

const channelButton = (state: ClientState, channelId: string): HTMLLIElement => {
  const unread = state.unread.get(channelId) ?? 0;
  const button = el(
    'button',
    {
      className: unread > 0 ? 'unread' : '',
      attrs: { type: 'button', 'data-channel': channelId },
    },
    el('span', { text: state.label(channelId) }),
  );
  if (channelId === state.channel) button.setAttribute('aria-current', 'true');
  if (unread > 0)
    button.append(
      el('span', {
        className: 'badge',
        text: String(unread),
        attrs: { 'aria-label': `${unread} new` },
      }),
    );
  return el('li', {}, button);
};

export const renderSidebar = (state: ClientState): void => {
  byId('channels').replaceChildren(...state.channels.map((c) => channelButton(state, c)));
  byId('dms').replaceChildren(channelButton(state, dmOf(state.me)));
};
