/**
 * The open server-sent event streams of the shop host. Each stream belongs to one session and
 * carries only the events that session's role may read (core/events/access); it ends when the
 * session ends — logout, a PIN switch, a password change, the user disabled or their role
 * changed (checked after every committed mutation) or idle and absolute expiry (checked on a
 * timer, without counting as activity).
 */
import type http from 'node:http';
import type { Backend } from '../core';
import type { BackendEvent } from '../core/api/context';
import { mayReceive } from '../core/events/access';
import { eventFrame } from './event-frame';
import type { Role } from '../shared/api/roles';

interface Stream {
  res: http.ServerResponse;
  token: string;
  userId: string;
  role: Role;
}

export class EventStreams {
  private streams = new Set<Stream>();
  private checking: Promise<void> | null = null;
  private again = false;
  private readonly timers: NodeJS.Timeout[];
  private readonly unsubscribe: (() => void)[];

  constructor(
    private readonly backend: Backend,
    opts: { checkEveryMs: number; heartbeatMs?: number },
  ) {
    this.unsubscribe = [backend.subscribe((e) => this.push(e)), backend.onCommit(() => void this.check())];
    this.timers = [
      setInterval(() => void this.check(), opts.checkEveryMs),
      setInterval(() => this.streams.forEach((s) => s.res.write(': ping\n\n')), opts.heartbeatMs ?? 25_000),
    ];
    this.timers.forEach((t) => t.unref());
  }

  open(req: http.IncomingMessage, res: http.ServerResponse, token: string, session: { userId: string; role: Role }) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const stream = { res, token, ...session };
    this.streams.add(stream);
    req.on('close', () => this.streams.delete(stream));
  }

  private push(event: BackendEvent) {
    // Only the contract's typed events cross (./event-frame), and only to roles that may read them.
    const line = eventFrame(event as Parameters<typeof eventFrame>[0]);
    if (!line) return;
    for (const s of this.streams) if (mayReceive(event, s.role)) s.res.write(line);
  }

  /** Ends the streams whose session is over (or whose user's role changed). Runs one at a time; a request meanwhile runs once more after. */
  check(): Promise<void> {
    if (this.checking) {
      this.again = true;
      return this.checking;
    }
    this.checking = (async () => {
      do {
        this.again = false;
        for (const s of [...this.streams]) {
          const live = await this.backend.peekSession(s.token).catch(() => null);
          if (!live || live.userId !== s.userId || live.role !== s.role) this.end(s);
        }
      } while (this.again);
    })().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private end(s: Stream) {
    this.streams.delete(s);
    // The client learns why before the stream closes (EventSource would otherwise reconnect at once).
    s.res.write('event: session-ended\ndata: {}\n\n');
    s.res.end();
  }

  close() {
    this.unsubscribe.forEach((u) => u());
    this.timers.forEach((t) => clearInterval(t));
    for (const s of this.streams) s.res.end();
    this.streams.clear();
  }
}
