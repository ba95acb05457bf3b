// The process the crash tests kill: a 5-why or a digest run on a database file, with a
// chat gateway that can block forever at a chosen point. It reports where it is on stdout
// (one marker a line) and otherwise stays alive until it is killed.
//   crash-child.ts digest DB POSTS_FILE ISO_NOW block-build|block-post-before|block-post-after|wait-after|finish
//   crash-child.ts why DB start|answer-and-block THREAD? ANSWER?
import { appendFileSync } from 'node:fs';
import { handleInbound } from '../../../src/core/bot/handle-inbound.js';
import { runDueDigests, type DigestBuilder } from '../../../src/core/digest/run-due-digests.js';
import type { ChatGateway } from '../../../src/core/ports/chat-gateway.js';
import type { CoreDeps } from '../../../src/core/use-cases/core-deps.js';
import { createRepositories } from '../../../src/storage/create-repositories.js';
import { openDatabase } from '../../../src/storage/database.js';
import { fakeClock, sequentialIds } from '../../support/core-harness.js';
import { RecordingChatGateway } from '../../support/recording-chat-gateway.js';

const [mode, dbPath, ...rest] = process.argv.slice(2);
const say = (line: string): void => void process.stdout.write(`${line}\n`);
const forever = (): Promise<never> => new Promise(() => setInterval(() => undefined, 60_000));

const depsOn = (path: string, now: string, gateway: ChatGateway): CoreDeps => {
  const database = openDatabase(path);
  const clock = fakeClock(now);
  return {
    repos: createRepositories(database.db, { clock }),
    clock,
    ids: sequentialIds(`pid${process.pid}`),
    gateway,
  };
};

/** The "platform": a post is appended to a file, which survives the process being killed. */
const digestGateway = (postsFile: string, block: string): ChatGateway => {
  const recording = new RecordingChatGateway();
  return {
    ...recording,
    post: async (conversation, view) => {
      if (block === 'block-post-before') {
        say('POSTING');
        return forever();
      }
      appendFileSync(
        postsFile,
        `${JSON.stringify({ channel: conversation.channelId, text: view.fallbackText })}\n`,
      );
      if (block === 'block-post-after') {
        say('POSTED');
        return forever();
      }
      return recording.post(conversation, view);
    },
  };
};

const runDigest = async (postsFile: string, now: string, block: string): Promise<void> => {
  const build: DigestBuilder = async (_deps, schedule, { dueAt }) => {
    if (block === 'block-build') {
      say('BUILDING');
      return forever();
    }
    return {
      fallbackText: `digest for ${schedule.channelId} due ${dueAt.toISOString()}`,
      visibility: 'public',
      blocks: [{ type: 'text', text: `digest due ${dueAt.toISOString()}` }],
    };
  };
  const deps = depsOn(dbPath ?? '', now, digestGateway(postsFile, block));
  const report = await runDueDigests(deps, build);
  say(`DONE ${JSON.stringify(report)}`);
  if (block === 'wait-after') await forever();
};

const user = { platform: 'local' as const, tenantId: 'T1', userId: 'U-ann', name: 'ann' };
const channel = { platform: 'local' as const, tenantId: 'T1', channelId: 'C1' };

const runWhy = async (phase: string, threadId: string, answer: string): Promise<void> => {
  const recording = new RecordingChatGateway();
  const gateway: ChatGateway =
    phase === 'answer-and-block'
      ? {
          ...recording,
          // The step is committed before its question is posted: block there.
          reply: async () => {
            say('REPLYING');
            return forever();
          },
        }
      : recording;
  const deps = depsOn(dbPath ?? '', '2026-11-02T09:00:00Z', gateway);
  const line = (text: string) =>
    handleInbound(deps, { kind: 'command', user, conversation: channel, name: '', text });
  const reply = (text: string, thread: string) =>
    handleInbound(deps, {
      kind: 'threadReply',
      user,
      conversation: { ...channel, threadId: thread },
      text,
    });
  if (phase === 'start') {
    await line('/cx-issue Parcel a week late #late-delivery customer:"Acme" cost:45');
    await line('/cx-issue Late again #late-delivery cost:10');
    await line('/cx-why #late-delivery');
    const root = recording.messages.find((m) => m.call === 'post');
    const thread = root?.messageId ?? '';
    say(`THREAD ${thread}`);
    await reply('Orders leave the warehouse late', thread);
    await reply('Picking starts after the courier cutoff', thread);
    say('BETWEEN-STEPS');
    return forever();
  }
  await reply(answer, threadId);
  say('ANSWERED');
};

const main = async (): Promise<void> => {
  if (mode === 'digest') return runDigest(rest[0] ?? '', rest[1] ?? '', rest[2] ?? 'finish');
  if (mode === 'why') return runWhy(rest[0] ?? '', rest[1] ?? '', rest[2] ?? '');
  throw new Error(`unknown mode ${mode}`);
};

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`crash-child failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
