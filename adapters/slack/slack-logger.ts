// Bolt and the Slack SDK log through this adapter into our pino logger, so their lines are
// structured JSON like ours. The SDK already redacts tokens in request logs.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/logging/logger.js';

const text = (msg: unknown[]): string =>
  msg
    .map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m)))
    .join(' ');

const levelOf = (pinoLevel: string): LogLevel => {
  if (pinoLevel === 'debug' || pinoLevel === 'trace') return LogLevel.DEBUG;
  if (pinoLevel === 'info') return LogLevel.INFO;
  if (pinoLevel === 'warn') return LogLevel.WARN;
  return LogLevel.ERROR;
};

export const boltLogger = (logger: Logger): BoltLogger => {
  let child = logger.child({ component: 'slack' });
  return {
    debug: (...msg: unknown[]) => child.debug(text(msg)),
    info: (...msg: unknown[]) => child.info(text(msg)),
    warn: (...msg: unknown[]) => child.warn(text(msg)),
    error: (...msg: unknown[]) => child.error(text(msg)),
    // Our LOG_LEVEL rules; Bolt's own setLevel calls are ignored.
    setLevel: () => undefined,
    getLevel: () => levelOf(child.level),
    setName: (name: string) => {
      child = logger.child({ component: name });
    },
  };
};
