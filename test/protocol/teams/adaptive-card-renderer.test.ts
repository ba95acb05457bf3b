// The Adaptive Card renderer over every kind of view block, checked by the Adaptive
// Cards library; and the checker itself, so a green result means something.
import { describe, expect, it } from 'vitest';
import { renderAdaptiveCard } from '../../../adapters/teams/adaptive-card-renderer.js';
import { cardSubmitInbound } from '../../../adapters/teams/teams-inbound.js';
import type { MessageView } from '../../../src/core/views/message-view.js';
import { cardProblems, cardText } from '../../support/adaptive-card-check.js';

const everyBlock: MessageView = {
  fallbackText: 'Every block',
  visibility: 'public',
  blocks: [
    { type: 'header', text: 'Pareto of late deliveries' },
    { type: 'text', text: '*Bold* and _italic_ with <https://example.com|a link> for <@aad-ann>.' },
    { type: 'fields', fields: [{ label: 'Owner', value: '<@aad-bob|Bob Ray>' }] },
    {
      type: 'table',
      columns: [
        { key: 'theme', label: 'Theme' },
        { key: 'n', label: 'Count', align: 'right' },
      ],
      rows: Array.from({ length: 45 }, (_, i) => ({ theme: `#t${i}`, n: String(45 - i) })),
      caption: 'Vital few in bold.',
    },
    {
      type: 'image',
      png: new Uint8Array([137, 80, 78, 71]),
      alt: 'Pareto chart',
      title: 'pareto.png',
    },
    { type: 'divider' },
    {
      type: 'actions',
      buttons: [
        { id: 'pareto.page', label: 'Next', value: '2', style: 'primary' },
        { id: 'why.cancel', label: 'Cancel', value: 's1', style: 'danger' },
      ],
    },
    {
      type: 'form',
      id: 'plan.form',
      title: 'Add an action plan',
      submitLabel: 'Save plan',
      privateValue: 'session-1',
      inputs: [
        { kind: 'text', id: 'title', label: 'Title', required: true, maxLength: 200 },
        { kind: 'number', id: 'target', label: 'Target', min: 0 },
        {
          kind: 'select',
          id: 'level',
          label: 'Level',
          options: [{ label: 'Prevent', value: 'prevent' }],
        },
        { kind: 'user', id: 'owner', label: 'Owner', required: true },
        { kind: 'date', id: 'due', label: 'Due date', initial: '2026-12-01' },
      ],
    },
    { type: 'context', text: 'Updated just now.' },
  ],
};

const members = [
  { id: 'aad-ann', name: 'Ann Lee' },
  { id: 'aad-bob', name: 'Bob Ray' },
];

describe('renderAdaptiveCard', () => {
  it('renders every block as a valid Adaptive Card 1.5', () => {
    const { card, images } = renderAdaptiveCard(everyBlock, { members, names: () => 'Ann Lee' });
    expect(cardProblems(card)).toEqual([]);
    expect(card.version).toBe('1.5');
    expect(images).toEqual([
      {
        contentType: 'image/png',
        contentUrl: 'data:image/png;base64,iVBORw==',
        name: 'pareto.png',
      },
    ]);
    const text = cardText(card);
    expect(text).toContain(
      '**Bold** and _italic_ with [a link](https://example.com) for <at>Ann Lee</at>.',
    );
    expect(text).toContain('…and 5 more.');
  });

  it('lists mentioned people once as Teams mention entities', () => {
    const { card } = renderAdaptiveCard(everyBlock, { members, names: () => 'Ann Lee' });
    const entities = (
      card.msteams as { entities: Array<{ text: string; mentioned: { id: string } }> }
    ).entities;
    expect(entities.map((e) => [e.mentioned.id, e.text])).toEqual([
      ['aad-ann', '<at>Ann Lee</at>'],
      ['aad-bob', '<at>Bob Ray</at>'],
    ]);
  });

  it('submits buttons as {id, value} and forms as {formId, privateValue}', () => {
    const json = JSON.stringify(renderAdaptiveCard(everyBlock, { members }).card);
    expect(json).toContain('"associatedInputs":"none","data":{"id":"pareto.page","value":"2"}');
    expect(json).toContain('"data":{"formId":"plan.form","privateValue":"session-1"}');
  });

  it('picks owners from the team members and due dates with Input.Date', () => {
    const json = JSON.stringify(renderAdaptiveCard(everyBlock, { members }).card);
    expect(json).toContain(
      '"type":"Input.ChoiceSet","id":"owner","label":"Owner","isRequired":true,"errorMessage":"Owner is required.","style":"filtered","choices":[{"title":"Ann Lee","value":"aad-ann"},{"title":"Bob Ray","value":"aad-bob"}]',
    );
    expect(json).toContain(
      '"type":"Input.Date","id":"due","label":"Due date","value":"2026-12-01"',
    );
  });

  it('falls back to a typed name when the members are unknown', () => {
    const json = JSON.stringify(renderAdaptiveCard(everyBlock).card);
    expect(json).toContain('"type":"Input.Text","id":"owner"');
  });

  it('renders pickers as an input plus a submit carrying {id, value, pick}, and reads them back', () => {
    const view: MessageView = {
      fallbackText: 'Who owns it?',
      visibility: 'public',
      blocks: [
        { type: 'text', text: 'Who owns it?' },
        {
          type: 'actions',
          buttons: [{ id: 'why.status', label: 'Status', value: 's1|plan-owner|' }],
          pickers: [
            {
              kind: 'user',
              id: 'why.owner',
              value: 's1|plan-owner|',
              label: 'Owner',
              submitLabel: 'Set owner',
            },
            {
              kind: 'date',
              id: 'why.due',
              value: 's1|plan-due|',
              label: 'Due',
              submitLabel: 'Set due date',
              initial: '2026-12-01',
            },
          ],
        },
      ],
    };
    for (const options of [{ members }, {}]) {
      const { card } = renderAdaptiveCard(view, options);
      expect(cardProblems(card)).toEqual([]);
    }
    const json = JSON.stringify(renderAdaptiveCard(view, { members }).card);
    expect(json).toContain('"type":"Input.ChoiceSet","id":"why.owner","label":"Owner"');
    expect(json).toContain('"data":{"id":"why.owner","value":"s1|plan-owner|","pick":"user"}');
    expect(json).toContain('"type":"Input.Date","id":"why.due","label":"Due","value":"2026-12-01"');
    expect(JSON.stringify(renderAdaptiveCard(view).card)).toContain(
      '"type":"Input.Text","id":"why.owner"',
    );
    const user = { platform: 'teams' as const, tenantId: 't', userId: 'aad-ann' };
    const conversation = { platform: 'teams' as const, tenantId: 't', channelId: 'c' };
    const data = { id: 'why.owner', value: 's1|plan-owner|', pick: 'user', 'why.owner': 'aad-bob' };
    expect(cardSubmitInbound(data, user, conversation)).toMatchObject({
      kind: 'action',
      actionId: 'why.owner',
      value: 's1|plan-owner|',
      selected: 'aad-bob',
    });
    const button = cardSubmitInbound({ id: 'why.status', value: 's1' }, user, conversation);
    expect(button).not.toHaveProperty('selected');
  });

  it('the checker reports what is wrong with a broken card', () => {
    const broken = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'Input.Text', id: 'a' },
        { type: 'Input.Text', id: 'a' },
        { type: 'NoSuchElement' },
      ],
    };
    expect(cardProblems(broken).join('\n')).toMatch(/Duplicate Id "a"[\s\S]*|Unknown element/);
    expect(cardProblems(broken).length).toBeGreaterThanOrEqual(2);
  });
});
