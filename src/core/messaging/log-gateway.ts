import fs from 'node:fs';
import type { Clock } from '../../shared/util/ids';
import type { SendResult, SmsGateway, SmsMessage } from './gateway';

/** One message the log gateway "sent". */
export interface LoggedSms extends SmsMessage {
  at: string;
  providerId: string;
}

export interface LogGatewayOptions {
  /** Also append each message as one JSON line to this file (a demo shows what would have gone out). */
  file?: string;
  /** How many of the newest messages the in-process log keeps: a demo host running for weeks must not grow without end. Default 1000. */
  keep?: number;
}

export interface LogGateway extends SmsGateway {
  kind: 'log';
  /** The newest messages, oldest first (demos and end-to-end tests read them). */
  readonly sent: readonly LoggedSms[];
  clear(): void;
}

/**
 * Sends nothing and always succeeds: every message goes to an in-process log (and optionally a
 * JSON-lines file). For demos, tests and a shop trying the messages before it has a provider.
 */
export function logGateway(opts: { clock: Clock } & LogGatewayOptions): LogGateway {
  const keep = opts.keep ?? 1000;
  const sent: LoggedSms[] = [];
  let n = 0;
  return {
    kind: 'log',
    sent,
    clear: () => void sent.splice(0),
    async send(msg: SmsMessage): Promise<SendResult> {
      const entry: LoggedSms = { at: opts.clock.now().toISOString(), to: msg.to, templateCode: msg.templateCode, params: { ...msg.params }, text: msg.text, providerId: `log-${++n}` };
      // Appended synchronously so the file's order is the sending order even with sends in flight.
      if (opts.file) fs.appendFileSync(opts.file, `${JSON.stringify(entry)}\n`);
      sent.push(entry);
      if (sent.length > keep) sent.splice(0, sent.length - keep);
      return { ok: true, providerId: entry.providerId };
    },
  };
}
