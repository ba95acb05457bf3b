// SIGKILL during a digest run. A child process claims the run and is killed while building
// it, while handing it to the platform (before and after the platform got it) and after it
// was recorded as posted. After a restart on the same database file a digest is posted at
// most once, and exactly once whenever the crash left no doubt about whether it went out.
// Each scenario has its own database file and child, so they run side by side.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { runDueDigests, type DigestBuilder } from '../../src/core/digest/run-due-digests.js';
import type { DigestRun } from '../../src/core/domain/digests.js';
import type { Clock } from '../../src/core/ports/clock.js';
import type { CoreDeps } from '../../src/core/use-cases/core-deps.js';
import { createRepositories } from '../../src/storage/create-repositories.js';
import { openDatabase } from '../../src/storage/database.js';
import { RecordingChatGateway } from '../support/recording-chat-gateway.js';
import { tempDir } from '../support/run-cli.js';
import { killChildren, spawnScript } from './support/child-process.js';
import { secretsIn } from './support/captured-logs.js';

const CHILD = 'test/reliability/support/crash-child.ts';
const tmp = tempDir();
afterAll(async () => {
  await killChildren();
  tmp.cleanup();
});

const DUE = '2026-11-02T09:00:00.000Z';

const setUp = (name: string): { dbPath: string; postsFile: string } => {
  const dbPath = join(tmp.dir, `${name}.db`);
  const database = openDatabase(dbPath);
  const repos = createRepositories(database.db);
  repos.tenants.ensure('T1', 'local');
  repos.digestSchedules.upsertForChannel('T1', {
    id: 'schedule-1',
    platform: 'local',
    channelId: 'C-staff',
    cron: '0 9 * * 1',
    tz: 'UTC',
    label: 'Every Monday at 09:00',
    keyDriverId: null,
    createdBy: 'U1',
    createdAt: new Date('2026-11-01T00:00:00Z'),
  });
  database.close();
  return { dbPath, postsFile: join(tmp.dir, `${name}.posts`) };
};

const posts = (postsFile: string): string[] =>
  existsSync(postsFile) ? readFileSync(postsFile, 'utf8').trim().split('\n').filter(Boolean) : [];

/** The restarted bot, in this process: a fresh connection to the same file and the same "platform". */
const restartAndTick = async (dbPath: string, postsFile: string, at: string) => {
  const database = openDatabase(dbPath);
  try {
    // Stopped at `at` (not core-harness's fake clock: that file loads every command handler).
    const clock: Clock = { now: () => new Date(at) };
    let id = 0;
    const gateway = new RecordingChatGateway();
    const deps: CoreDeps = {
      repos: createRepositories(database.db, { clock }),
      clock,
      ids: { next: () => `restart-${at}-${++id}` },
      gateway: {
        ...gateway,
        post: async (conversation, view) => {
          appendFileSync(postsFile, `${JSON.stringify({ text: view.fallbackText })}\n`);
          return gateway.post(conversation, view);
        },
      },
    };
    const build: DigestBuilder = async (_d, s, { dueAt }) => ({
      fallbackText: `digest for ${s.channelId} due ${dueAt.toISOString()}`,
      visibility: 'public',
      blocks: [{ type: 'text', text: 'digest' }],
    });
    const report = await runDueDigests(deps, build);
    const runs = deps.repos.digestRuns.list('T1', 'schedule-1');
    return { report, runs };
  } finally {
    database.close();
  }
};

const runAt = (runs: DigestRun[], iso: string): DigestRun | undefined =>
  runs.find((r) => r.dueAt.toISOString() === iso);

interface Scenario {
  name: string;
  block: string;
  marker: string;
  /** Posts of the 09:00 digest once everything settled. */
  posted: number;
  status: DigestRun['status'];
}

const SCENARIOS: Scenario[] = [
  // Claimed, not yet sent: nothing went out, so the claim is taken again after its lease.
  { name: 'killed while building', block: 'block-build', marker: 'BUILDING', posted: 1, status: 'posted' },
  // Handed to the platform, and it got there: never sent again.
  { name: 'killed after the platform got it', block: 'block-post-after', marker: 'POSTED', posted: 1, status: 'sending' },
  // Handed to the platform, which had not got it yet: indistinguishable from the case above
  // from inside the bot, so also never sent again (at-most-once for the send: no duplicates).
  { name: 'killed while the send was in flight', block: 'block-post-before', marker: 'POSTING', posted: 0, status: 'sending' },
  // Posted and recorded.
  { name: 'killed after it was recorded', block: 'wait-after', marker: 'DONE', posted: 1, status: 'posted' },
]; // prettier-ignore

describe('SIGKILL during a digest run', () => {
  it.concurrent.for(SCENARIOS)(
    '$name: posted $posted time(s), never twice',
    async ({ name, block, marker, posted, status }, { expect }) => {
      const { dbPath, postsFile } = setUp(name.replaceAll(' ', '-'));
      const child = await spawnScript(CHILD, [
        'digest',
        dbPath,
        postsFile,
        '2026-11-02T09:00:30Z',
        block,
      ]);
      await child.waitFor(marker);
      await child.kill();
      expect(secretsIn(child.output())).toEqual([]);

      // Restarted one minute later: a live claim's lease has not run out yet.
      const soon = await restartAndTick(dbPath, postsFile, '2026-11-02T09:01:30Z');
      expect(soon.report.posted).toBe(0);
      // Restarted after the lease, and again later: whatever is owed is posted, once.
      await restartAndTick(dbPath, postsFile, '2026-11-02T09:12:00Z');
      const later = await restartAndTick(dbPath, postsFile, '2026-11-02T10:30:00Z');
      expect(posts(postsFile)).toHaveLength(posted);
      expect(runAt(later.runs, DUE)?.status).toBe(status);
      expect(later.runs).toHaveLength(1);

      // The next week's digest is not held up by whatever happened to this one.
      const next = await restartAndTick(dbPath, postsFile, '2026-11-09T09:00:30Z');
      expect(next.report.posted).toBe(1);
      expect(posts(postsFile)).toHaveLength(posted + 1);
      expect(runAt(next.runs, '2026-11-09T09:00:00.000Z')?.status).toBe('posted');
    },
  );

  it.concurrent(
    'gives up on an abandoned claim found more than 12 hours late, without posting it',
    async ({ expect }) => {
      const { dbPath, postsFile } = setUp('abandoned-long-ago');
      const child = await spawnScript(CHILD, [
        'digest',
        dbPath,
        postsFile,
        '2026-11-02T09:00:30Z',
        'block-build',
      ]);
      await child.waitFor('BUILDING');
      await child.kill();
      expect(secretsIn(child.output())).toEqual([]);
      const { report, runs } = await restartAndTick(dbPath, postsFile, '2026-11-02T22:00:00Z');
      expect(report.posted).toBe(0);
      expect(posts(postsFile)).toEqual([]);
      expect(runAt(runs, DUE)).toMatchObject({ status: 'failed', nextAttemptAt: null });
    },
  );
});
