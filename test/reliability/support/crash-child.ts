// The process the crash tests kill: a 5-why or a digest run on a database file, with a
// chat gateway that can block forever at a chosen point. It reports where it is on stdout
// (one marker a line) and otherwise stays alive until it is killed.
//   crash-child.ts digest DB POSTS_FILE ISO_NOW block-build|block-post-before|block-post-after|wait-after|finish
//   crash-child.ts why DB start|answer-and-block THREAD? ANSWER?
//   crash-child.ts --args-from-stdin   (loads everything, says READY, then reads the arguments
//                                       above from its first line of stdin, as a JSON array)
import { appendFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { runDueDigests, type DigestBuilder } from '../../../src/core/digest/run-due-digests.js';
import type { ChatGateway } from '../../../src/core/ports/chat-gateway.js';
import type { Clock } from '../../../src/core/ports/clock.js';
import type { CoreDeps } from '../../../src/core/use-cases/core-deps.js';
import { createRepositories } from '../../../src/storage/create-repositories.js';
import { openDatabase } from '../../../src/storage/database.js';
import { RecordingChatGateway } from '../../support/recording-chat-gateway.js';

const say = (line: string): void => void process.stdout.write(`${line}\n`);
const forever = (): Promise<never> => new Promise(() => setInterval(() => undefined, 60_000));

// The command handlers are loaded only by a child that needs them (a 5-why): a digest run
// starts faster without them.
const loadHandleInbound = async () =>
  (await import('../../../src/core/bot/handle-inbound.js')).handleInbound;

const depsOn = (path: string, now: string, gateway: ChatGateway): CoreDeps => {
  const database = openDatabase(path);
  const clock: Clock = { now: () => new Date(now) };
  let id = 0;
  return {
    repos: createRepositories(database.db, { clock }),
    clock,
    ids: { next: () => `pid${process.pid}-${++id}` },
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

const runDigest = async (
  dbPath: string,
  postsFile: string,
  now: string,
  block: string,
): Promise<void> => {
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
  const deps = depsOn(dbPath, now, digestGateway(postsFile, block));
  const report = await runDueDigests(deps, build);
  say(`DONE ${JSON.stringify(report)}`);
  if (block === 'wait-after') await forever();
};

const user = { platform: 'local' as const, tenantId: 'T1', userId: 'U-ann', name: 'ann' };
const channel = { platform: 'local' as const, tenantId: 'T1', channelId: 'C1' };

const runWhy = async (
  dbPath: string,
  phase: string,
  threadId: string,
  answer: string,
): Promise<void> => {
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
  const deps = depsOn(dbPath, '2026-11-02T09:00:00Z', gateway);
  const handleInbound = await loadHandleInbound();
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

/** The arguments, from the command line or, for a child started ahead of time, from stdin. */
const readArgs = async (): Promise<string[]> => {
  const given = process.argv.slice(2);
  if (given[0] !== '--args-from-stdin') return given;
  await loadHandleInbound();
  say('READY');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    process.stdin.resume(); // closing paused it; the 'end' below still has to come through
    return JSON.parse(line) as string[];
  }
  throw new Error('stdin closed before the arguments came');
};

const main = async (): Promise<void> => {
  const [mode, dbPath = '', ...rest] = await readArgs();
  if (mode === 'digest')
    return runDigest(dbPath, rest[0] ?? '', rest[1] ?? '', rest[2] ?? 'finish');
  if (mode === 'why') return runWhy(dbPath, rest[0] ?? '', rest[1] ?? '', rest[2] ?? '');
  throw new Error(`unknown mode ${mode}`);
};

// The test that started this child is gone (its end of stdin closed): end too, rather than
// block forever.
process.stdin.on('end', () => process.exit(0)).resume();

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`crash-child failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
