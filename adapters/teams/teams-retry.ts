// Retries a proactive send with exponential backoff. Only errors worth retrying are
// (throttling, server errors, no connection); each failure is logged without the error
// object itself, whose request headers carry the bot's token.
import type { GatewayResult } from '../../src/core/ports/chat-gateway.js';
import type { Logger } from '../../src/logging/logger.js';

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  logger: Logger;
  /** What is being sent, for the log. */
  what: string;
}

const statusOf = (e: unknown): number | undefined => {
  const status = (e as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
};

export const isRetryable = (e: unknown): boolean => {
  const status = statusOf(e);
  return status === undefined || status === 429 || status >= 500;
};

/** What may be logged of an error: its status and message, never the request behind it. */
export const describeError = (e: unknown): { status?: number; message: string } => {
  const status = statusOf(e);
  return {
    ...(status !== undefined ? { status } : {}),
    message: e instanceof Error ? e.message.slice(0, 300) : String(e).slice(0, 300),
  };
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const withRetry = async <T>(
  policy: RetryPolicy,
  send: () => Promise<T>,
): Promise<GatewayResult<T>> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return { ok: true, value: await send() };
    } catch (e: unknown) {
      const retryable = isRetryable(e);
      const failure = { what: policy.what, attempt, ...describeError(e) };
      if (!retryable || attempt >= policy.attempts) {
        policy.logger.error(failure, 'teams: send failed');
        return { ok: false, retryable, error: failure.message };
      }
      policy.logger.warn(failure, 'teams: send failed, retrying');
      // Full jitter keeps many retrying sends from hitting Teams' throttling together.
      await sleep(Math.random() * policy.baseDelayMs * 2 ** (attempt - 1));
    }
  }
};
