// The 5-why machine on its own: transcript tables of [event, expected reply], plus the
// rules that make it safe to persist (no mutation, rejects change nothing).
import { describe, expect, it } from 'vitest';
import { transition } from '../../../src/core/why/transition.js';
import { initialWhyState, startWhy } from '../../../src/core/why/start-why.js';
import { whyTranscript } from '../../../src/core/why/why-chain.js';
import type {
  Participant,
  WhyEffect,
  WhyEvent,
  WhyState,
} from '../../../src/core/why/why-types.js';
import { renderPlainText } from '../../../src/core/views/render-plain-text.js';

const ann: Participant = { userId: 'U1', name: 'ann' };
const bob: Participant = { userId: 'U2', name: 'bob' };
const T0 = Date.parse('2026-11-02T09:00:00Z');
const MIN = 60_000;

const fresh = (): WhyState =>
  initialWhyState(
    {
      sessionId: 's1',
      symptom: {
        text: 'Late delivery',
        themeId: 't1',
        themeSlug: 'late-delivery',
        themeName: 'Late delivery',
        issueId: null,
        issueNumber: null,
      },
      figures: null,
      startedBy: ann,
    },
    new Date(T0),
  );

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

const said = (effects: WhyEffect[]): string =>
  effects
    .map((e) =>
      e.kind === 'reject' ? `REJECT ${e.message}` : 'view' in e ? renderPlainText(e.view) : e.kind,
    )
    .join('\n');

type Row = [event: WhyEvent, expected: string | RegExp, step?: WhyState['step']];

/** Runs rows one minute apart; every input state is frozen, so a mutation would throw. */
const run = (
  rows: Row[],
  start: WhyState = fresh(),
): { state: WhyState; effects: WhyEffect[][] } => {
  let state = start;
  const effects: WhyEffect[][] = [];
  rows.forEach(([event, expected, step], i) => {
    const result = transition(deepFreeze(state), event, new Date(T0 + (i + 1) * MIN));
    const text = said(result.effects);
    const label = `row ${i + 1} (${event.kind})`;
    if (typeof expected === 'string') expect(text, label).toContain(expected);
    else expect(text, label).toMatch(expected);
    if (step) expect(result.state.step, label).toBe(step);
    if (result.effects.some((e) => e.kind === 'reject')) expect(result.state, label).toBe(state);
    state = result.state;
    effects.push(result.effects);
  });
  return { state, effects };
};

const answer = (text: string, user = ann): WhyEvent => ({ kind: 'answer', text, user });

describe('transition', () => {
  it('starts by posting the root message and asking why 1', () => {
    const { state, effects } = startWhy(
      { sessionId: 's1', symptom: fresh().symptom, figures: null, startedBy: ann },
      new Date(T0),
    );
    expect(effects.map((e) => e.kind)).toEqual(['post-root', 'reply']);
    expect(said(effects)).toContain('Why 1 of 5: Why are we allowing “Late delivery” to happen?');
    expect(state.step).toBe('why');
  });

  it('runs five whys to a root cause, a metric and a plan, emitting the storage effects', () => {
    const { state, effects } = run([
      [answer('A1'), 'Why 2 of 5: Why does “A1” happen?', 'why'],
      [answer('A2', bob), 'Why 3 of 5: Why does “A2” happen?'],
      [answer('A3'), 'Why 4 of 5'],
      [answer('A4'), 'Why 5 of 5: Why does “A4” happen?'],
      [answer('A5', bob), /fifth why[\s\S]*Proposed root cause: “A5”/, 'confirm-root'],
      [
        { kind: 'confirm', user: ann, rootCauseId: 'rc1' },
        /save-root-cause[\s\S]*confirmed by @ann/,
        'metric-name',
      ],
      [
        { kind: 'metric-name', text: ' Late picks ', user: ann },
        'What unit is Late picks',
        'metric-unit',
      ],
      [{ kind: 'metric-unit', text: '%', user: ann }, 'lower or higher'],
      [{ kind: 'metric-direction', direction: 'lower', user: ann }, 'target for Late picks (%)'],
      [{ kind: 'metric-target', target: 5, user: ann }, 'current value'],
      [
        { kind: 'metric-current', current: null, user: ann },
        /create-metric[\s\S]*first action plan/,
        'plan-title',
      ],
      [{ kind: 'plan-title', title: 'Own the batch', user: bob }, 'Who owns Own the batch?'],
      [{ kind: 'plan-owner', owner: bob, user: bob }, 'When is Own the batch due?'],
      [{ kind: 'plan-due', dueDate: '2026-11-30', user: bob }, 'Which level'],
      [
        { kind: 'plan-level', level: 'occurrence', user: bob },
        /create-plan[\s\S]*Add another/,
        'another-plan',
      ],
      [
        { kind: 'another-plan', another: false, user: ann },
        /save-root-cause[\s\S]*Root cause found/,
        'finished',
      ],
    ]);
    const metric = effects[10]?.find((e) => e.kind === 'create-metric');
    expect(metric).toEqual({
      kind: 'create-metric',
      rootCauseId: 'rc1',
      metric: { name: 'Late picks', unit: '%', direction: 'lower', target: 5, current: null },
      by: ann,
    });
    const plan = effects[14]?.find((e) => e.kind === 'create-plan');
    expect(plan).toMatchObject({
      rootCauseId: 'rc1',
      plan: { title: 'Own the batch', owner: bob, level: 'occurrence' },
    });
    const saved = effects[5]?.find((e) => e.kind === 'save-root-cause');
    expect(saved?.kind === 'save-root-cause' && saved.rootCause).toMatchObject({
      id: 'rc1',
      text: 'A5',
      confirmedBy: ann,
    });
    expect(state.chain.map((a) => [a.why, a.by.userId, a.at])).toEqual([
      [1, 'U1', '2026-11-02T09:01:00.000Z'],
      [2, 'U2', '2026-11-02T09:02:00.000Z'],
      [3, 'U1', '2026-11-02T09:03:00.000Z'],
      [4, 'U1', '2026-11-02T09:04:00.000Z'],
      [5, 'U2', '2026-11-02T09:05:00.000Z'],
    ]);
    expect(state.endedBy).toEqual(ann);
  });

  it('rejects bad input without changing the state', () => {
    run([
      [answer(''), /REJECT The answer is empty[\s\S]*Why 1 of 5/, 'why'],
      [answer('y'.repeat(2001)), 'REJECT The answer is 2,001 characters long; the limit is 2,000.'],
      [{ kind: 'confirm', user: ann, rootCauseId: 'x' }, 'REJECT That does not fit here'],
      [{ kind: 'metric-target', target: 3, user: ann }, 'REJECT That does not fit here'],
      [
        { kind: 'root-cause', text: ' ', user: ann, rootCauseId: 'x' },
        'REJECT The root cause is empty',
      ],
      [{ kind: 'note', text: '', user: ann }, 'REJECT The note is empty'],
      [{ kind: 'back', user: ann }, 'REJECT There is nothing to go back to yet'],
      [{ kind: 'branch', fromWhy: 1, user: ann }, 'REJECT There is nothing to branch from yet'],
    ]);
    const atDue = run([
      [{ kind: 'root-cause', text: 'RC', user: ann, rootCauseId: 'rc' }, 'Root cause named'],
      [{ kind: 'metric-name', text: 'M', user: ann }, 'unit'],
      [{ kind: 'metric-unit', text: 'u', user: ann }, 'lower'],
      [{ kind: 'metric-direction', direction: 'higher', user: ann }, 'target'],
      [
        { kind: 'metric-target', target: Number.NaN, user: ann },
        'REJECT The target must be a number.',
      ],
      [{ kind: 'metric-target', target: 1, user: ann }, 'current'],
      [{ kind: 'metric-current', current: 2, user: ann }, 'plan'],
      [{ kind: 'plan-title', title: '', user: ann }, 'REJECT The plan title is empty'],
      [{ kind: 'plan-title', title: 'P', user: ann }, 'Who owns'],
      [{ kind: 'plan-owner', owner: ann, user: ann }, 'due'],
      [{ kind: 'plan-due', dueDate: '2026-11-01', user: ann }, 'REJECT 2026-11-01 is in the past.'],
      [{ kind: 'plan-due', dueDate: 'soon', user: ann }, 'REJECT “soon” is not a date.'],
      [{ kind: 'plan-due', dueDate: '2026-11-02', user: ann }, 'Which level', 'plan-level'],
    ]);
    expect(atDue.state.planDraft).toEqual({ title: 'P', owner: ann, dueDate: '2026-11-02' });
  });

  it('goes back, branches and keeps notes in the transcript', () => {
    const { state } = run([
      [answer('A1'), 'Why 2'],
      [answer('oops'), 'Why 3'],
      [
        { kind: 'back', user: bob },
        /reopened why 2[\s\S]*Why 2 of 5: Why does “A1” happen\?/,
        'why',
      ],
      [answer('A2'), 'Why 3'],
      [answer('A3'), 'Why 4'],
      [{ kind: 'note', text: 'check March', user: bob }, ''],
      [
        { kind: 'branch', fromWhy: 3, user: bob },
        'REJECT “branch 3” does not fit: type *branch 1* to *branch 2*',
      ],
      [
        { kind: 'branch', fromWhy: 1, user: bob },
        /Whys 2–3 are kept as branch b1[\s\S]*Why 2 of 5: Why does “A1” happen\?/,
      ],
      [answer('B2'), 'Why 3 of 5: Why does “B2” happen?'],
    ]);
    expect(state.chain.map((a) => a.text)).toEqual(['A1', 'B2']);
    expect(state.branches).toMatchObject([{ id: 'b1', fromWhy: 1, by: bob }]);
    expect(whyTranscript(state).map((e) => `${e.kind}:${e.branchId}:${e.text}`)).toEqual([
      'answer:main:A1',
      'back:main:oops',
      'branch:b1:A2',
      'branch:b1:A3',
      'note:main:check March',
      'answer:main:B2',
    ]);
  });

  it('edits the proposal and steps back through detail questions', () => {
    const five = run(['1', '2', '3', '4', '5'].map((t): Row => [answer(t), '']));
    run(
      [
        [answer('six'), 'REJECT All five whys are answered.'],
        [{ kind: 'edit', user: bob }, 'Type the root cause as it should read.', 'edit-root'],
        [
          { kind: 'root-cause', text: 'Reworded', user: bob, rootCauseId: 'rc' },
          'confirmed by @bob: “Reworded”',
          'metric-name',
        ],
        [{ kind: 'metric-name', text: 'M', user: ann }, 'unit', 'metric-unit'],
        [{ kind: 'back', user: ann }, 'Which internal metric', 'metric-name'],
        [{ kind: 'back', user: ann }, 'REJECT The root cause is already confirmed'],
      ],
      five.state,
    );
  });

  it('cancels, and then answers only status', () => {
    run([
      [answer('A1'), 'Why 2'],
      [{ kind: 'cancel', user: bob }, /5-why cancelled[\s\S]*cancelled by @bob/, 'cancelled'],
      [answer('late'), 'REJECT This 5-why is cancelled'],
      [{ kind: 'status', user: ann }, '5-why cancelled: Late delivery'],
    ]);
  });

  it('reminds once per idle period', () => {
    const idle = (state: WhyState, hours: number) =>
      transition(
        state,
        { kind: 'idle-check', idleMs: 48 * 3_600_000 },
        new Date(T0 + hours * 3_600_000),
      );
    const start = fresh();
    expect(idle(start, 47.9).effects).toEqual([]);
    const first = idle(start, 48);
    expect(first.effects.map((e) => e.kind)).toEqual(['remind']);
    expect(first.state.remindedAt).toBe('2026-11-04T09:00:00.000Z');
    expect(first.state.lastActivityAt).toBe(start.lastActivityAt);
    expect(idle(first.state, 100).effects).toEqual([]);
    const active = transition(first.state, answer('A1'), new Date(T0 + 101 * 3_600_000)).state;
    expect(idle(active, 148).effects).toEqual([]);
    expect(idle(active, 149).effects.map((e) => e.kind)).toEqual(['remind']);
  });
});
