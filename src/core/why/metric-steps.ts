// The internal metric that predicts the symptom: name, unit, direction, target and an
// optional current value, one question each. The metric is created after the last one.
import { promptView } from '../views/why-views.js';
import { checkText, rejectWithPrompt, reply, touch } from './why-step-kit.js';
import { MAX_METRIC_NAME_LENGTH, MAX_METRIC_UNIT_LENGTH } from './why-types.js';
import type { WhyEvent, WhyState, WhyTransition } from './why-types.js';

const advance = (state: WhyState, next: WhyState, lead?: string): WhyTransition => ({
  state: next,
  effects: [reply(promptView(next, lead))],
});

const wrongStep = (state: WhyState): WhyTransition =>
  rejectWithPrompt(state, 'That does not fit here: the metric’s details are needed.');

const createMetric = (state: WhyState, event: WhyEvent, now: Date): WhyTransition => {
  const d = state.metricDraft;
  const rootCause = state.rootCause;
  if (event.kind !== 'metric-current') return wrongStep(state);
  if (!rootCause || !d.name || !d.unit || !d.direction || d.target === undefined) {
    return rejectWithPrompt(state, 'Some of the metric’s details are missing.');
  }
  if (event.current !== null && !Number.isFinite(event.current)) {
    return rejectWithPrompt(state, 'The current value must be a number.');
  }
  const metric = {
    name: d.name,
    unit: d.unit,
    direction: d.direction,
    target: d.target,
    current: event.current,
  };
  const next: WhyState = {
    ...touch(state, now),
    metric: { ...metric, by: event.user, at: now.toISOString() },
    metricDraft: {},
    step: 'plan-title',
  };
  return {
    state: next,
    effects: [
      { kind: 'create-metric', rootCauseId: rootCause.id, metric, by: event.user },
      reply(promptView(next, `📈 Metric *${metric.name}* saved, target ${metric.target}.`)),
    ],
  };
};

export const metricStep = (state: WhyState, event: WhyEvent, now: Date): WhyTransition => {
  const base = touch(state, now);
  const draft = state.metricDraft;
  switch (state.step) {
    case 'metric-name': {
      if (event.kind !== 'metric-name') return wrongStep(state);
      const checked = checkText(event.text, 'metric name', MAX_METRIC_NAME_LENGTH);
      if (!checked.ok) return rejectWithPrompt(state, checked.message);
      return advance(state, {
        ...base,
        metricDraft: { ...draft, name: checked.text },
        step: 'metric-unit',
      });
    }
    case 'metric-unit': {
      if (event.kind !== 'metric-unit') return wrongStep(state);
      const checked = checkText(event.text, 'unit', MAX_METRIC_UNIT_LENGTH);
      if (!checked.ok) return rejectWithPrompt(state, checked.message);
      return advance(state, {
        ...base,
        metricDraft: { ...draft, unit: checked.text },
        step: 'metric-direction',
      });
    }
    case 'metric-direction':
      if (event.kind !== 'metric-direction') return wrongStep(state);
      return advance(state, {
        ...base,
        metricDraft: { ...draft, direction: event.direction },
        step: 'metric-target',
      });
    case 'metric-target':
      if (event.kind !== 'metric-target') return wrongStep(state);
      if (!Number.isFinite(event.target)) {
        return rejectWithPrompt(state, 'The target must be a number.');
      }
      return advance(state, {
        ...base,
        metricDraft: { ...draft, target: event.target },
        step: 'metric-current',
      });
    default:
      return createMetric(state, event, now);
  }
};
