// "Log as CX issue" on a message: the message extension's task module, pre-filled from
// the message, and its submission; a task module submit from a card goes the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText } from '../../support/adaptive-card-check.js';
import { channel, invoke, message, personal } from '../../support/teams-activities.js';
import { startTeamsHarness, type TeamsHarness } from '../../support/teams-harness.js';

let h: TeamsHarness;

beforeAll(async () => {
  h = await startTeamsHarness();
});
afterAll(async () => {
  await h.close();
});

interface TaskBody {
  task?: {
    type?: string;
    value?: { title?: string; card?: { contentType?: string; content?: unknown } };
  };
}

const taskCard = (body: unknown) => (body as TaskBody).task?.value?.card?.content;

const messagePayload = {
  id: '1700000000001',
  body: {
    contentType: 'html',
    content:
      '<p>Customer Acme says the parcel came 5 days late &amp; damaged.</p><p>Second line</p>',
  },
  linkToMessage: 'https://teams.microsoft.com/l/message/19:cx/1700000000001',
  from: { user: { id: 'aad-carl', displayName: 'Carl' } },
};

describe('the "Log as CX issue" message extension', () => {
  it('opens a task module with the issue form pre-filled from the message', async () => {
    const response = await h.post(
      invoke(h.connector.url, channel('1700000000001'), 'composeExtension/fetchTask', {
        commandId: 'logAsIssue',
        commandContext: 'message',
        messagePayload,
      }),
    );
    expect(response.status).toBe(200);
    expect((response.body as TaskBody).task?.type).toBe('continue');
    const card = taskCard(response.body);
    const inputs = JSON.stringify(card);
    expect(inputs).toContain('"id":"summary"');
    expect(inputs).toContain('Customer Acme says the parcel came 5 days late & damaged.');
    expect(inputs).toContain(messagePayload.linkToMessage);
  });

  it('logs the issue when the task module is submitted, and shows the result there', async () => {
    const response = await h.post(
      invoke(h.connector.url, channel('1700000000001'), 'composeExtension/submitAction', {
        commandId: 'logAsIssue',
        commandContext: 'message',
        data: {
          formId: 'issue.form',
          summary: 'Parcel came 5 days late',
          theme: '__new__',
          newTheme: 'late-delivery',
          customer: 'Acme',
          source: 'complaint',
        },
      }),
    );
    expect(response.status).toBe(200);
    expect(cardText(taskCard(response.body))).toContain('Logged **CX-1**');
    const mark = h.mark();
    await h.post(message(h.connector.url, personal, 'cx-issue show CX-1'));
    expect(JSON.stringify(h.since(mark))).toContain('Parcel came 5 days late');
  });

  it('keeps the dialog open with the reason when the form is incomplete', async () => {
    const response = await h.post(
      invoke(h.connector.url, personal, 'composeExtension/submitAction', {
        commandId: 'logAsIssue',
        data: { formId: 'issue.form', summary: 'No theme here', theme: '__new__', newTheme: '' },
      }),
    );
    expect(response.status).toBe(200);
    expect(cardText(taskCard(response.body))).toContain('Pick a theme');
  });

  it('maps a task/submit to the same form submission', async () => {
    const response = await h.post(
      invoke(h.connector.url, personal, 'task/submit', {
        data: { formId: 'issue.form', summary: 'Refund slow', theme: 'late-delivery' },
      }),
    );
    expect(cardText(taskCard(response.body))).toContain('Logged **CX-2**');
  });

  it('produced only valid Adaptive Cards', () => {
    h.expectValidCards();
  });
});
