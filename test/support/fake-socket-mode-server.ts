// A loopback WebSocket server that speaks Slack's Socket Mode envelope protocol: it says
// hello, sends envelopes, and collects the app's acks by envelope_id.
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface Envelope {
  envelope_id: string;
  type: 'events_api' | 'slash_commands' | 'interactive';
  payload: Record<string, unknown>;
  accepts_response_payload?: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

export class FakeSocketModeServer {
  private server: WebSocketServer | undefined;
  private socket: WebSocket | undefined;
  private connected: Promise<WebSocket> | undefined;
  private readonly pending = new Map<string, (ack: Record<string, unknown>) => void>();
  url = '';

  async start(): Promise<this> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    this.server = server;
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    this.url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`;
    this.connected = new Promise((resolve) => {
      server.on('connection', (socket) => {
        this.socket = socket;
        socket.on('message', (data) => this.onMessage(String(data)));
        socket.send(
          JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }),
        );
        resolve(socket);
      });
    });
    return this;
  }

  private onMessage(text: string): void {
    const ack = JSON.parse(text) as { envelope_id?: string };
    const resolve = ack.envelope_id ? this.pending.get(ack.envelope_id) : undefined;
    if (resolve && ack.envelope_id) {
      this.pending.delete(ack.envelope_id);
      resolve(ack);
    }
  }

  /** Sends an envelope once the app is connected; resolves with the app's ack. */
  async send(envelope: Envelope): Promise<Record<string, unknown>> {
    const socket = await this.connected;
    return new Promise((resolve) => {
      this.pending.set(envelope.envelope_id, resolve);
      socket?.send(JSON.stringify(envelope));
    });
  }

  async stop(): Promise<void> {
    this.socket?.terminate();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
