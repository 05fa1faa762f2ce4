/**
 * The shop HTTP host inside the Electron app, for a second counter PC or a bench tablet: it
 * listens only while a manager has LAN access on (shop setting `lanAccess`), and stops when it is
 * turned off — at once, no restart (the `shop.updated` event). With it off nothing listens: the
 * window talks to the backend over IPC only, so no web page on the counter PC can reach a port.
 * Runs in the backend's utility process; plain Node, tested under vitest.
 */
import type { Backend } from '../core';
import { lanAccessOn } from '../core/shop/settings';
import { startShopHost, type ShopHost } from '../server/shop-host';

export interface LanHostOptions {
  backend: Backend;
  port: number;
  staticDir: string | null;
  /** Where it binds when on (all interfaces; tests may narrow it). */
  bind?: string;
  onError?(e: unknown): void;
}

export interface LanHost {
  /** The running host, or null while LAN access is off. */
  readonly host: ShopHost | null;
  /** Settles once the host matches the current setting. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

function lanSetting(backend: Backend): boolean {
  return lanAccessOn(backend.services.sqlite);
}

export function startLanHost(opts: LanHostOptions): LanHost {
  const { backend } = opts;
  let host: ShopHost | null = null;
  let closed = false;
  // One change at a time, in order: a quick on-off-on ends in the last state.
  let chain: Promise<void> = Promise.resolve();
  const apply = (want: boolean) => {
    chain = chain
      .then(async () => {
        if (closed) want = false;
        if (want && !host) host = await startShopHost({ backend, port: opts.port, host: opts.bind ?? '0.0.0.0', staticDir: opts.staticDir });
        else if (!want && host) {
          const h = host;
          host = null;
          await h.close();
          backend.services.host.listening = null;
          backend.services.host.lanAddresses = [];
        }
      })
      .catch((e: unknown) => (opts.onError ?? ((x) => console.error('[fixpoint] shop HTTP host:', x instanceof Error ? x.message : x)))(e));
  };
  const unsubscribe = backend.subscribe((event) => {
    if (event.name !== 'shop.updated') return;
    const settings = (event.payload as { settings?: { lanAccess?: boolean } } | undefined)?.settings;
    apply(settings?.lanAccess === true);
  });
  apply(lanSetting(backend));
  return {
    get host() {
      return host;
    },
    settled: () => chain,
    async close() {
      closed = true;
      unsubscribe();
      apply(false);
      await chain;
    },
  };
}
