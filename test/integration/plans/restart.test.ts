// Plans and metrics survive a restart: write through one process, close it, read back
// through a fresh one on the same database file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openFileCoreHarness } from '../../support/file-core-harness.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cx-plans-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('keeps plans, their history, metrics and readings across a restart', async () => {
  const path = join(dir, 'cx.db');
  const first = openFileCoreHarness(path);
  await first.say('/cx-issue Parcel late #late-delivery');
  await first.say('/cx-action add "Print labels" #late-delivery due:friday level:recurrence');
  await first.say('/cx-action update A-1 status:blocked');
  await first.say('/cx-action comment A-1 Waiting for the printer');
  await first.say(
    '/cx-metric define "Parcels shipped late" #late-delivery unit:"%" direction:lower target:2 current:4',
  );
  first.close();

  const second = openFileCoreHarness(path, '2026-11-03T09:00:00Z');
  try {
    const list = (await second.say('/cx-action list')).text;
    expect(list).toMatch(/A-1\s+Print labels\s+@U-ann\s+Fri 2026-11-06\s+blocked/);
    // Numbering continues, and fresh ids never collide with the first run's.
    expect(
      (await second.say('/cx-action add Next #late-delivery due:friday level:resolve')).text,
    ).toContain('A-2');
    const plan = second.deps.repos.actionPlans.getByNumber('T1', 1);
    expect(second.deps.repos.actionPlans.history('T1', plan?.id ?? '').map((u) => u.kind)).toEqual([
      'created',
      'status',
      'comment',
    ]);
    await second.say('/cx-metric record "Parcels shipped late" 3');
    const shown = (await second.say('/cx-metric show "Parcels shipped late"')).text;
    expect(shown).toContain('Latest: 3% on 2026-11-03');
    expect(shown).toContain('▼ 1% since 2026-11-02 (better)');
  } finally {
    second.close();
  }
});
