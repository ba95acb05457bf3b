// Proactive posts: the bot stores the conversation reference of every conversation it is
// in, and after a restart the TeamsChatGateway posts from it (digests, nudges, 5-why
// threads). Failed sends are retried; uninstalling forgets the references.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamsAdapter, type TeamsAdapter } from '../../../adapters/teams/teams-adapter.js';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/logging/logger.js';
import { systemClock } from '../../../src/core/ports/clock.js';
import { openDatabase } from '../../../src/storage/database.js';
import { createRepositories } from '../../../src/storage/create-repositories.js';
import { confirmationView } from '../../../src/core/views/feedback-views.js';
import type { ConversationRef } from '../../../src/core/domain/types.js';
import { cardsIn, cardText } from '../../support/adaptive-card-check.js';
import {
  ANN,
  BOB,
  BOT,
  CHANNEL_ID,
  PERSONAL_ID,
  TENANT,
  channel,
  conversationUpdate,
  installationUpdate,
  message,
  personal,
} from '../../support/teams-activities.js';
import { startTeamsHarness, type TeamsHarness } from '../../support/teams-harness.js';

let h: TeamsHarness;
let teams: TeamsAdapter;
let closeDb: () => void;

const inChannel: ConversationRef = { platform: 'teams', tenantId: TENANT, channelId: CHANNEL_ID };
const digest = confirmationView('Staff-meeting digest: 3 plans due this week.', 'public');

beforeAll(async () => {
  h = await startTeamsHarness();
  const url = h.connector.url;
  // The bot is added to a team's channel and installed by Ann in personal scope.
  await h.post(installationUpdate(url, channel(), 'add'));
  await h.post(conversationUpdate(url, personal, { membersAdded: [BOT, ANN] }));
  await h.post(message(url, channel(), 'cx help'));
  // A restart: a fresh app and a fresh gateway on the same database.
  await h.restart();
  const database = openDatabase(h.dbPath);
  closeDb = () => database.close();
  const config = loadConfig({ TEAMS_DEV_MODE: '1', DATABASE_PATH: h.dbPath });
  const repos = createRepositories(database.db);
  teams = createTeamsAdapter(config, repos, createLogger('silent'), {
    clock: systemClock,
    retry: { attempts: 3, baseDelayMs: 1 },
  })!;
});
afterAll(async () => {
  closeDb();
  await h.close();
});

describe('proactive messages from stored references', () => {
  it('posts a new message in the channel after a restart', async () => {
    const mark = h.mark();
    const result = await teams.gateway.post(inChannel, digest);
    expect(result.ok).toBe(true);
    const [call] = h.since(mark);
    expect(call).toMatchObject({ kind: 'send', conversationId: CHANNEL_ID });
    expect(cardText(cardsIn(call!.body))).toContain('Staff-meeting digest');
    expect(result.ok && result.value.messageId).toBe(call!.id);
  });

  it('replies in a channel reply chain with ;messageid=', async () => {
    const mark = h.mark();
    const result = await teams.gateway.reply(inChannel, 'root-42', digest);
    expect(result.ok).toBe(true);
    expect(h.since(mark)[0]).toMatchObject({
      kind: 'send',
      conversationId: `${CHANNEL_ID};messageid=root-42`,
    });
  });

  it('updates a message it posted', async () => {
    const mark = h.mark();
    const result = await teams.gateway.update(
      { messageId: 'm-7', conversation: inChannel },
      confirmationView('Updated.', 'public'),
    );
    expect(result.ok).toBe(true);
    expect(h.since(mark)[0]).toMatchObject({
      kind: 'update',
      conversationId: CHANNEL_ID,
      activityId: 'm-7',
    });
  });

  it('DMs a person in their personal chat with the bot', async () => {
    const mark = h.mark();
    const user = { platform: 'teams' as const, tenantId: TENANT, userId: ANN.aadObjectId };
    const result = await teams.gateway.dm(user, confirmationView('Your plan A-1 is due tomorrow.'));
    expect(result.ok).toBe(true);
    expect(h.since(mark)[0]).toMatchObject({ kind: 'send', conversationId: PERSONAL_ID });
  });

  it('starts a one-to-one chat with someone who never talked to the bot, once', async () => {
    const user = {
      platform: 'teams' as const,
      tenantId: TENANT,
      userId: BOB.aadObjectId,
      name: BOB.name,
    };
    const mark = h.mark();
    expect((await teams.gateway.dm(user, confirmationView('Nudge 1'))).ok).toBe(true);
    expect((await teams.gateway.dm(user, confirmationView('Nudge 2'))).ok).toBe(true);
    const calls = h.since(mark);
    expect(calls.map((c) => c.kind)).toEqual(['createConversation', 'send', 'send']);
    expect(calls[0]!.body).toMatchObject({
      isGroup: false,
      members: [{ id: BOB.aadObjectId }],
      tenantId: TENANT,
    });
    expect(calls[2]!.conversationId).toBe(calls[0]!.conversationId);
  });

  it('retries a failed send with backoff until it goes through', async () => {
    // More failures than the connector client's own retries absorb: our retry takes over.
    h.connector.failNext = 5;
    const refusedBefore = h.connector.refused;
    const mark = h.mark();
    const result = await teams.gateway.post(inChannel, digest);
    expect(result.ok).toBe(true);
    expect(h.connector.refused - refusedBefore).toBe(5);
    expect(h.since(mark)).toHaveLength(1);
  });

  it('reports a send that keeps failing as a retryable failure, not a throw', async () => {
    h.connector.failNext = 100;
    const result = await teams.gateway.post(inChannel, digest);
    h.connector.failNext = 0;
    expect(result).toMatchObject({ ok: false, retryable: true, error: 'try later' });
  });

  it('says so when it has no reference for the conversation', async () => {
    const result = await teams.gateway.post(
      { ...inChannel, channelId: '19:never@thread.tacv2' },
      digest,
    );
    expect(result).toMatchObject({ ok: false, retryable: false });
  });

  it('forgets the team’s conversations when the app is uninstalled', async () => {
    await h.post(installationUpdate(h.connector.url, channel(), 'remove'));
    const result = await teams.gateway.post(inChannel, digest);
    expect(result).toMatchObject({ ok: false, retryable: false });
    // The personal chat is another installation and stays.
    const dm = await teams.gateway.dm(
      { platform: 'teams', tenantId: TENANT, userId: ANN.aadObjectId },
      confirmationView('Still here.'),
    );
    expect(dm.ok).toBe(true);
  });

  it('forgets a chat when the bot is removed from it', async () => {
    await h.post(conversationUpdate(h.connector.url, personal, { membersRemoved: [BOT] }));
    const mark = h.mark();
    const dm = await teams.gateway.dm(
      { platform: 'teams', tenantId: TENANT, userId: ANN.aadObjectId },
      confirmationView('Hello again.'),
    );
    // Ann's old chat is forgotten: the bot starts a new one (from Bob's chat's service URL).
    expect(dm.ok).toBe(true);
    expect(h.since(mark).map((c) => c.kind)).toEqual(['createConversation', 'send']);
    expect(h.since(mark)[1]?.conversationId).not.toBe(PERSONAL_ID);
  });
});
