// The staff-meeting digest through both real adapters: Slack (within our Block Kit
// limits, with the chart uploaded) and Teams (every card valid for the Adaptive Cards
// library, the chart inline).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackHarness, type SlackHarness } from '../../support/slack-harness.js';
import { startTeamsHarness, type TeamsHarness } from '../../support/teams-harness.js';
import { cardsIn, cardText } from '../../support/adaptive-card-check.js';
import { channel, message } from '../../support/teams-activities.js';

const SEED = [
  '/cx-issue Parcel late #late-delivery cost:20 customer:"Acme"',
  '/cx-issue Parcel late again #late-delivery cost:35',
  '/cx-issue Parcel very late #late-delivery',
  '/cx-issue Wrong invoice #billing company-cost:120',
  '/cx-issue Wrong invoice again #billing',
  '/cx-issue Rude agent #rude-staff',
  '/cx-action add "Call the courier" #late-delivery due:2030-01-10 level:recurrence',
];

describe('digest in Slack', () => {
  let slack: SlackHarness;
  beforeAll(async () => {
    slack = await startSlackHarness();
    for (const line of SEED) {
      const [command = '', ...rest] = line.split(' ');
      expect((await slack.command(command, rest.join(' '))).status).toBe(200);
    }
  });
  afterAll(() => slack.close());

  it('posts the digest now to the channel, within Slack limits, with the chart uploaded', async () => {
    const before = slack.fake.called('chat.postMessage').length;
    expect((await slack.command('/cx-digest', 'now')).status).toBe(200);
    const [post] = (await slack.fake.waitFor('chat.postMessage', before + 1)).slice(before);
    const blocks = JSON.stringify(post?.args.blocks ?? post?.args);
    expect(blocks).toContain('CX digest');
    expect(blocks).toContain('late-delivery');
    expect(blocks).toContain('Call the courier');
    expect(blocks).toContain('Habit scorecard');
    // files.uploadV2 is the SDK's helper: it ends with completeUploadExternal.
    await slack.fake.waitFor('files.completeUploadExternal', 1);
    expect(slack.fake.problems).toEqual([]);
  });

  it('previews privately', async () => {
    expect((await slack.command('/cx-digest', 'preview')).status).toBe(200);
    // Slash-command replies go back through response_url after the ack.
    const [reply] = await slack.fake.waitFor('response_url', 1, (c) =>
      JSON.stringify(c.args).includes('CX digest'),
    );
    expect(reply?.args.response_type).toBe('ephemeral');
    expect(slack.fake.problems).toEqual([]);
  });
});

describe('digest in Teams', () => {
  let teams: TeamsHarness;
  beforeAll(async () => {
    teams = await startTeamsHarness();
    for (const line of SEED)
      await teams.post(message(teams.connector.url, channel(), line.slice(1)));
  });
  afterAll(() => teams.close());

  it('posts the digest as a valid Adaptive Card with the chart', async () => {
    const mark = teams.mark();
    await teams.post(message(teams.connector.url, channel(), 'cx-digest now'));
    const calls = teams.since(mark);
    const text = calls.map((c) => cardText(cardsIn(c.body))).join('\n');
    expect(text).toContain('CX digest');
    expect(text).toContain('late-delivery');
    expect(text).toContain('Call the courier');
    expect(JSON.stringify(calls)).toContain('image/png');
    teams.expectValidCards();
  });
});
