// Who may reach the playground: this machine only, unless PLAYGROUND_HOST opens it; and
// never a request another web site could make a browser send.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  guarded,
  isLoopbackAddress,
  isLoopbackHost,
} from '../../../../adapters/local/playground-guard.js';

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string>;
}

const call = async (
  options: { allowRemote: boolean },
  req: { method?: string; remote: string; headers: Record<string, string> },
): Promise<Answer & { handled: boolean }> => {
  let handled = false;
  const answer: Answer = { status: 0, body: '', headers: {} };
  const res = {
    setHeader: (name: string, value: string) => void (answer.headers[name] = value),
    writeHead: (status: number) => void (answer.status = status),
    end: (body: string) => void (answer.body = body),
  } as unknown as ServerResponse;
  const request = {
    method: req.method ?? 'GET',
    headers: req.headers,
    socket: { remoteAddress: req.remote },
  } as unknown as IncomingMessage;
  await guarded(options, () => {
    handled = true;
  })(request, res);
  return { ...answer, handled };
};

const local = { remote: '127.0.0.1', headers: { host: '127.0.0.1:3978' } };

describe('the playground guard', () => {
  it('tells loopback addresses and hosts from the rest', () => {
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.8.9.1'].map(isLoopbackAddress)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['10.0.0.5', '::ffff:192.168.1.2', '', undefined].map(isLoopbackAddress)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(
      ['localhost', '127.0.0.1', '[::1]', '0.0.0.0', '192.168.1.10'].map(isLoopbackHost),
    ).toEqual([true, true, true, false, false]);
  });

  it('lets this machine in, with the safety headers', async () => {
    const answer = await call({ allowRemote: false }, local);
    expect(answer.handled).toBe(true);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses other machines unless PLAYGROUND_HOST allows them', async () => {
    const remote = { remote: '192.168.1.20', headers: { host: '192.168.1.10:3978' } };
    const refused = await call({ allowRemote: false }, remote);
    expect(refused).toMatchObject({ handled: false, status: 403 });
    expect(refused.body).toContain('PLAYGROUND_HOST');
    expect((await call({ allowRemote: true }, remote)).handled).toBe(true);
  });

  it('refuses a foreign host name (DNS rebinding)', async () => {
    const rebound = await call(
      { allowRemote: false },
      { remote: '127.0.0.1', headers: { host: 'evil.example:3978' } },
    );
    expect(rebound).toMatchObject({ handled: false, status: 403 });
  });

  it('takes POSTs only as JSON from its own page', async () => {
    const post = (headers: Record<string, string>) =>
      call(
        { allowRemote: false },
        { method: 'POST', remote: '127.0.0.1', headers: { host: '127.0.0.1:3978', ...headers } },
      );
    expect(await post({ 'content-type': 'text/plain' })).toMatchObject({
      handled: false,
      status: 415,
    });
    expect(
      await post({ 'content-type': 'application/json', origin: 'https://evil.example' }),
    ).toMatchObject({ handled: false, status: 403 });
    expect(
      (await post({ 'content-type': 'application/json', origin: 'http://127.0.0.1:3978' })).handled,
    ).toBe(true);
  });
});
