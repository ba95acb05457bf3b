// The real app in Teams dev mode, a fake Bot Connector beside it, and a check that every
// card the bot produced passes the Adaptive Cards library.
import { join } from 'node:path';
import { expect } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logging/logger.js';
import { startApp, type RunningApp } from '../../src/main.js';
import { FakeBotConnector, type ConnectorCall } from './fake-bot-connector.js';
import { cardProblems, cardsIn } from './adaptive-card-check.js';
import { ANN, BOB, postActivity, type Activity, type BotResponse } from './teams-activities.js';
import { tempDir } from './run-cli.js';

export interface TeamsHarness {
  app: RunningApp;
  connector: FakeBotConnector;
  dbPath: string;
  post(activity: Activity): Promise<BotResponse>;
  /** Calls to the connector since the mark, e.g. the replies to one activity. */
  since(mark: number): ConnectorCall[];
  mark(): number;
  /** Fails the test if any card seen so far does not pass the Adaptive Cards library. */
  expectValidCards(): void;
  restart(): Promise<void>;
  close(): Promise<void>;
}

const start = (dbPath: string, env: Record<string, string>): Promise<RunningApp> =>
  startApp(
    loadConfig({ TEAMS_DEV_MODE: '1', PORT: '0', DATABASE_PATH: dbPath, ...env }),
    createLogger('silent'),
  );

export const startTeamsHarness = async (
  env: Record<string, string> = {},
): Promise<TeamsHarness> => {
  const tmp = tempDir();
  const dbPath = join(tmp.dir, 'teams.db');
  const connector = await FakeBotConnector.start();
  connector.members = [
    { id: ANN.id, name: ANN.name, aadObjectId: ANN.aadObjectId },
    { id: BOB.id, name: BOB.name, aadObjectId: BOB.aadObjectId },
  ];
  const invokeCards: unknown[] = [];
  const harness: TeamsHarness = {
    app: await start(dbPath, env),
    connector,
    dbPath,
    post: async (activity) => {
      const response = await postActivity(harness.app.url, activity);
      const card = (response.body as { task?: { value?: { card?: { content?: unknown } } } } | null)
        ?.task?.value?.card?.content;
      if (card) invokeCards.push(card);
      return response;
    },
    mark: () => connector.calls.length,
    since: (mark) => connector.calls.slice(mark),
    expectValidCards: () => {
      const cards = [...connector.calls.flatMap((c) => cardsIn(c.body)), ...invokeCards];
      const problems = cards.flatMap((card) => cardProblems(card));
      expect(problems).toEqual([]);
    },
    restart: async () => {
      await harness.app.stop();
      harness.app = await start(dbPath, env);
    },
    close: async () => {
      await harness.app.stop();
      await connector.stop();
      tmp.cleanup();
    },
  };
  return harness;
};
