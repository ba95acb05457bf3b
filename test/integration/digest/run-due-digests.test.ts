// The digest runner on a real database with a fake clock: on time, exactly once, caught
// up after downtime, skipped when too late, shared safely by two instances, retried.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDueDigests, type DigestBuilder } from '../../../src/core/digest/run-due-digests.js';
import { createRepositories } from '../../../src/storage/create-repositories.js';
import { openDatabase } from '../../../src/storage/database.js';
import type { CoreDeps } from '../../../src/core/use-cases/core-deps.js';
import { fakeClock, sequentialIds, type FakeClock } from '../../support/core-harness.js';
import { RecordingChatGateway } from '../../support/recording-chat-gateway.js';
import { tempDir } from '../../support/run-cli.js';

const build: DigestBuilder = async (_deps, schedule, { late, dueAt }) => ({
  fallbackText: 'digest',
  visibility: 'public',
  blocks: [
    {
      type: 'text',
      text: `digest ${schedule.channelId} due ${dueAt.toISOString()}${late ? ' (late)' : ''}`,
    },
  ],
});

const tmp = tempDir();
let n = 0;
let dbPath: string;
const opened: Array<{ close(): void }> = [];

const instance = (
  clock: FakeClock,
  gateway = new RecordingChatGateway(),
): CoreDeps & { gateway: RecordingChatGateway } => {
  const database = openDatabase(dbPath);
  opened.push(database);
  return {
    repos: createRepositories(database.db, { clock }),
    clock,
    ids: sequentialIds(`i${opened.length}`),
    gateway,
  };
};

const schedule = (deps: CoreDeps, cron: string, tz: string) => {
  deps.repos.tenants.ensure('T1', 'slack');
  return deps.repos.digestSchedules.upsertForChannel('T1', {
    id: `s${++n}`,
    platform: 'slack',
    channelId: 'C-staff',
    cron,
    tz,
    label: 'Every Monday at 09:00',
    keyDriverId: null,
    createdBy: 'U1',
    createdAt: deps.clock.now(),
  });
};

beforeEach(() => {
  dbPath = join(tmp.dir, `digests-${++n}.db`);
});
afterEach(() => opened.splice(0).forEach((d) => d.close()));

describe('runDueDigests', () => {
  it('posts weekly at Monday 09:00 Los Angeles time, across the end of daylight saving, once each', async () => {
    const clock = fakeClock('2026-10-25T12:00:00Z');
    const deps = instance(clock);
    schedule(deps, '0 9 * * 1', 'America/Los_Angeles');
    const posts: string[] = [];
    for (const at of [
      '2026-10-26T15:59:00Z',
      '2026-10-26T16:00:10Z',
      '2026-10-26T16:01:00Z',
      '2026-11-02T16:00:30Z',
      '2026-11-02T17:00:20Z',
      '2026-11-02T17:01:00Z',
    ]) {
      clock.set(at);
      await runDueDigests(deps, build);
      posts.push(...deps.gateway.messages.splice(0).map((m) => `${at} ${m.text}`));
    }
    expect(posts).toEqual([
      '2026-10-26T16:00:10Z digest C-staff due 2026-10-26T16:00:00.000Z',
      '2026-11-02T17:00:20Z digest C-staff due 2026-11-02T17:00:00.000Z',
    ]);
  });

  it('catches up once, marked late, after downtime under 12 hours', async () => {
    const clock = fakeClock('2026-11-22T12:00:00Z');
    const before = instance(clock);
    const s = schedule(before, '0 9 * * 1', 'UTC');
    await runDueDigests(before, build);
    // The process dies; it comes back three hours after Monday 09:00.
    clock.set('2026-11-23T12:00:00Z');
    const after = instance(clock);
    await runDueDigests(after, build);
    await runDueDigests(after, build);
    expect(after.gateway.messages.map((m) => m.text)).toEqual([
      'digest C-staff due 2026-11-23T09:00:00.000Z (late)',
    ]);
    expect(after.repos.digestRuns.list('T1', s.id)).toMatchObject([
      { status: 'posted', late: true, attempts: 1 },
    ]);
  });

  it('skips and records runs more than 12 hours late, and all but the latest missed run', async () => {
    const clock = fakeClock('2026-11-20T00:00:00Z');
    const deps = instance(clock);
    const s = schedule(deps, '0 9 * * *', 'UTC');
    clock.set('2026-11-23T10:00:00Z');
    await runDueDigests(deps, build);
    expect(deps.gateway.messages.map((m) => m.text)).toEqual([
      'digest C-staff due 2026-11-23T09:00:00.000Z (late)',
    ]);
    const runs = deps.repos.digestRuns.list('T1', s.id);
    expect(runs.map((r) => [r.dueAt.toISOString().slice(0, 10), r.status])).toEqual([
      ['2026-11-20', 'skipped'],
      ['2026-11-21', 'skipped'],
      ['2026-11-22', 'skipped'],
      ['2026-11-23', 'posted'],
    ]);
    expect(runs[0]?.error).toBe('more than 12 hours late');
  });

  it('posts once when two instances share the database', async () => {
    const clock = fakeClock('2026-11-22T12:00:00Z');
    const a = instance(clock);
    const b = instance(clock);
    schedule(a, '0 9 * * 1', 'UTC');
    clock.set('2026-11-23T09:00:05Z');
    await Promise.all([runDueDigests(a, build), runDueDigests(b, build), runDueDigests(a, build)]);
    expect(a.gateway.messages.length + b.gateway.messages.length).toBe(1);
  });

  it('retries a failed send with backoff and records every outcome', async () => {
    const clock = fakeClock('2026-11-22T12:00:00Z');
    const deps = instance(clock);
    const s = schedule(deps, '0 9 * * 1', 'UTC');
    deps.gateway.failNext = 2;
    clock.set('2026-11-23T09:00:05Z');
    await runDueDigests(deps, build);
    expect(deps.repos.digestRuns.list('T1', s.id)[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: 'simulated failure',
    });
    clock.set('2026-11-23T09:00:30Z');
    await runDueDigests(deps, build); // backoff not over: nothing happens
    expect(deps.repos.digestRuns.list('T1', s.id)[0]?.attempts).toBe(1);
    clock.set('2026-11-23T09:01:10Z');
    await runDueDigests(deps, build);
    expect(deps.repos.digestRuns.list('T1', s.id)[0]).toMatchObject({
      status: 'failed',
      attempts: 2,
    });
    clock.set('2026-11-23T09:06:30Z');
    await runDueDigests(deps, build);
    expect(deps.repos.digestRuns.list('T1', s.id)[0]).toMatchObject({
      status: 'posted',
      attempts: 3,
    });
    expect(deps.gateway.messages).toHaveLength(1);
  });

  it('never catches up on times before the schedule existed', async () => {
    const clock = fakeClock('2026-11-23T09:30:00Z');
    const deps = instance(clock);
    schedule(deps, '0 9 * * *', 'UTC');
    await runDueDigests(deps, build);
    expect(deps.gateway.messages).toHaveLength(0);
  });

  it('posts a thousand digests due in the same minute exactly once each, across two instances', async () => {
    const clock = fakeClock('2026-11-22T12:00:00Z');
    const a = instance(clock);
    const b = instance(clock);
    a.repos.tenants.ensure('T1', 'slack');
    a.repos.transaction(() => {
      for (let i = 0; i < 1000; i++) {
        a.repos.digestSchedules.upsertForChannel('T1', {
          id: `fan-${i}`,
          platform: 'slack',
          channelId: `C${i}`,
          cron: '0 9 * * 1',
          tz: 'UTC',
          label: 'Every Monday at 09:00',
          keyDriverId: null,
          createdBy: 'U1',
          createdAt: clock.now(),
        });
      }
    });
    clock.set('2026-11-23T09:00:01Z');
    const [ra, rb] = await Promise.all([runDueDigests(a, build), runDueDigests(b, build)]);
    const channels = [...a.gateway.messages, ...b.gateway.messages].map((m) => m.channelId);
    expect(channels).toHaveLength(1000);
    expect(new Set(channels).size).toBe(1000);
    expect((ra?.posted ?? 0) + (rb?.posted ?? 0)).toBe(1000);
  });
});
