// `branch <n>`: go on from an earlier answer instead; the answers after it are kept.
import { promptView } from '../views/why-views.js';
import { mention, quoted } from './why-chain.js';
import { reject, reply, touch } from './why-step-kit.js';
import type { Participant, WhyState, WhyTransition } from './why-types.js';

/** Goes on from answer `fromWhy`; the answers after it are kept as a branch. */
export const branch = (
  state: WhyState,
  fromWhy: number,
  user: Participant,
  now: Date,
): WhyTransition => {
  const last = state.chain.length - 1;
  if (last < 1) {
    return reject(state, 'There is nothing to branch from yet: at least two whys need answers.');
  }
  if (!Number.isInteger(fromWhy) || fromWhy < 1 || fromWhy > last) {
    const range = last === 1 ? '*branch 1*' : `*branch 1* to *branch ${last}*`;
    return reject(
      state,
      `“branch ${fromWhy}” does not fit: type ${range} to go on from that why’s answer.`,
    );
  }
  const id = `b${state.branches.length + 1}`;
  const kept = state.chain.slice(fromWhy);
  const next: WhyState = {
    ...touch(state, now),
    chain: state.chain.slice(0, fromWhy),
    branches: [...state.branches, { id, fromWhy, answers: kept, by: user, at: now.toISOString() }],
    step: 'why',
  };
  const anchor = state.chain[fromWhy - 1];
  const lead = `🌿 ${mention(user)} went back to why ${fromWhy}’s answer ${quoted(anchor?.text ?? '')}. Whys ${fromWhy + 1}–${state.chain.length} are kept as branch ${id}.`;
  return { state: next, effects: [reply(promptView(next, lead))] };
};
