// A real core over a real SQLite database (memory or a file), with a fake clock and the
// RecordingChatGateway, plus helpers to talk in a 5-why thread as different people.
import { expect } from 'vitest';
import { createRepositories } from '../../../src/storage/create-repositories.js';
import { openDatabase } from '../../../src/storage/database.js';
import type { CoreDeps } from '../../../src/core/use-cases/core-deps.js';
import { handleInbound } from '../../../src/core/bot/handle-inbound.js';
import type { MessageView } from '../../../src/core/views/message-view.js';
import { renderPlainText } from '../../../src/core/views/render-plain-text.js';
import { fakeClock, sequentialIds, type FakeClock } from '../../support/core-harness.js';
import { RecordingChatGateway } from '../../support/recording-chat-gateway.js';

export interface WhyHarness {
  deps: CoreDeps;
  gateway: RecordingChatGateway;
  clock: FakeClock;
  tenant: string;
  /** A command typed in channel C1. */
  command(line: string, user?: string): Promise<{ view: MessageView | null; text: string }>;
  /** Starts a 5-why and returns its thread. */
  start(target: string, user?: string): Promise<WhyThread>;
  thread(threadId: string): WhyThread;
  close(): void;
}

export interface ThreadReply {
  view: MessageView | null;
  /** The private reply (if any) and every message the bot posted in the thread meanwhile. */
  text: string;
  posted: string[];
}

export interface WhyThread {
  threadId: string;
  say(text: string, user?: string): Promise<ThreadReply>;
  press(actionId: string, value: string, user?: string): Promise<ThreadReply>;
  /** A picker's choice: the action as a button's, plus what was selected. */
  pick(actionId: string, value: string, selected: string, user?: string): Promise<ThreadReply>;
}

/** One transcript step: who types what, and what the bot's reply must contain. */
export type TranscriptStep = [user: string, input: string, expected: string | RegExp];

export const runTranscript = async (thread: WhyThread, steps: TranscriptStep[]): Promise<void> => {
  for (const [i, [user, input, expected]] of steps.entries()) {
    const reply = await thread.say(input, user);
    const label = `step ${i + 1}: ${user} says ${JSON.stringify(input.slice(0, 60))}`;
    if (typeof expected === 'string') expect(reply.text, label).toContain(expected);
    else expect(reply.text, label).toMatch(expected);
  }
};

const userRef = (tenant: string, user: string) => ({
  platform: 'local' as const,
  tenantId: tenant,
  userId: `U-${user}`,
  name: user,
});

export const openWhyHarness = (
  options: { path?: string; tenant?: string; idPrefix?: string; clock?: FakeClock } = {},
): WhyHarness => {
  const database = openDatabase(options.path ?? ':memory:');
  const clock = options.clock ?? fakeClock();
  const gateway = new RecordingChatGateway();
  const tenant = options.tenant ?? 'T1';
  const deps: CoreDeps = {
    repos: createRepositories(database.db, { clock }),
    clock,
    ids: sequentialIds(options.idPrefix ?? 'id'),
    gateway,
  };
  const conversation = { platform: 'local' as const, tenantId: tenant, channelId: 'C1' };
  const collect = async (
    threadId: string,
    run: () => Promise<MessageView | null>,
  ): Promise<ThreadReply> => {
    const before = gateway.messages.length;
    const view = await run();
    const posted = gateway.messages
      .slice(before)
      .filter((m) => m.threadId === threadId)
      .map((m) => m.text);
    return { view, posted, text: [view ? renderPlainText(view) : '', ...posted].join('\n') };
  };
  /** A button press or a picker's choice in the thread, as one `action` inbound. */
  const act = (
    threadId: string,
    user: string,
    action: { actionId: string; value: string; selected?: string },
  ): Promise<ThreadReply> =>
    collect(threadId, () =>
      handleInbound(deps, {
        kind: 'action',
        user: userRef(tenant, user),
        conversation: { ...conversation, threadId },
        ...action,
      }),
    );
  const thread = (threadId: string): WhyThread => ({
    threadId,
    say: (text, user = 'ann') =>
      collect(threadId, () =>
        handleInbound(deps, {
          kind: 'threadReply',
          user: userRef(tenant, user),
          conversation: { ...conversation, threadId },
          text,
        }),
      ),
    press: (actionId, value, user = 'ann') => act(threadId, user, { actionId, value }),
    pick: (actionId, value, selected, user = 'ann') =>
      act(threadId, user, { actionId, value, selected }),
  });
  const command = async (line: string, user = 'ann') => {
    const view = await handleInbound(deps, {
      kind: 'command',
      user: userRef(tenant, user),
      conversation,
      name: '',
      text: line,
    });
    return { view, text: view ? renderPlainText(view) : '' };
  };
  return {
    deps,
    gateway,
    clock,
    tenant,
    command,
    thread,
    start: async (target, user = 'ann') => {
      const before = gateway.messages.length;
      const started = await command(`/cx-why ${target}`, user);
      const root = gateway.messages.slice(before).find((m) => m.call === 'post');
      if (!root?.messageId) throw new Error(`no root message: ${started.text}`);
      return thread(root.messageId);
    },
    close: () => database.close(),
  };
};

/** Issues for #late-delivery (3) and #billing (1), so the root message has figures. */
export const seedIssues = async (h: WhyHarness): Promise<void> => {
  await h.command(
    '/cx-issue Parcel a week late #late-delivery customer:"Acme" cost:45 company-cost:100',
  );
  await h.command('/cx-issue Late again #late-delivery cost:10');
  await h.command('/cx-issue Courier lost it #late-delivery company-cost:50');
  await h.command('/cx-issue Wrong invoice #billing cost:5');
};

/** The five answers of a full run. */
export const FIVE_WHYS = [
  'Orders leave the warehouse late',
  'Picking starts after the courier cutoff',
  'Pick lists are printed once a day',
  'The WMS batch job runs at noon',
  'Nobody owns the batch schedule',
] as const;
