/**
 * What stands between a guesser and scrypt: in-memory, per backend. Per source (where the
 * request comes from) a growing delay after failed password and PIN checks and a cap on checks
 * running at once; per station (the browser tab or Electron window where someone signed in with
 * a password) the right to switch users by PIN, with its own delay and an end; for the whole
 * shop a delay on wrong PINs. Refusals here cost no scrypt and hold no database connection, so a
 * flood of guesses leaves everyone else's calls alone. Memory, not the database: a restart
 * forgets delays (the per-user lockout stays in the database) and ends every station, which
 * then needs a password again — the safe side.
 */
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import type { Clock } from '../../shared/util/ids';
import {
  afterFailedTry,
  MAX_CHECKS_IN_SHOP,
  MAX_CHECKS_PER_SOURCE,
  remainingWait,
  SHOP_PIN_RULE,
  SOURCE_RULE,
  STATION_LOCK_AT,
  STATION_RULE,
  waitSeconds,
  type BackoffState,
} from './throttle';

interface Station {
  signedInAt: number;
  pins: BackoffState | undefined;
}

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');
/** Sources and stations kept at most; the oldest are dropped first (a LAN full of guessers cannot fill memory). */
const MAX_ENTRIES = 10_000;

function trim<V>(map: Map<string, V>) {
  while (map.size > MAX_ENTRIES) map.delete(map.keys().next().value as string);
}

export class AuthGuard {
  private sources = new Map<string, BackoffState>();
  private running = new Map<string, number>();
  private runningTotal = 0;
  private stations = new Map<string, Station>();
  private shopPins: BackoffState | undefined;

  constructor(private readonly clock: Clock) {}

  private now() {
    return this.clock.now().getTime();
  }

  /**
   * Before any secret check from `source`: refuses (429, in words) while the source must wait or
   * already has its share of checks running; otherwise returns the function that ends the check.
   */
  beginCheck(source: string): () => void {
    const wait = remainingWait(SOURCE_RULE, this.sources.get(source), this.now());
    if (wait > 0) {
      throw new AppError('TOO_MANY_ATTEMPTS', {
        key: 'auth.error.sourceWait',
        params: { seconds: waitSeconds(wait), free: SOURCE_RULE.free, maxMinutes: SOURCE_RULE.maxMs / 60_000 },
        details: { scope: 'source', retryAfterMs: wait },
      });
    }
    const mine = this.running.get(source) ?? 0;
    if (mine >= MAX_CHECKS_PER_SOURCE) throw new AppError('TOO_MANY_ATTEMPTS', { key: 'auth.error.sourceBusy', details: { scope: 'source', busy: true } });
    if (this.runningTotal >= MAX_CHECKS_IN_SHOP) throw new AppError('TOO_MANY_ATTEMPTS', { key: 'auth.error.shopBusy', details: { scope: 'shop', busy: true } });
    this.running.set(source, mine + 1);
    this.runningTotal++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const left = (this.running.get(source) ?? 1) - 1;
      if (left > 0) this.running.set(source, left);
      else this.running.delete(source);
      this.runningTotal--;
    };
  }

  /** The outcome of a check from `source`: a failure grows its delay, a success forgets it. */
  checked(source: string, ok: boolean) {
    if (ok) this.sources.delete(source);
    else {
      const next = afterFailedTry(SOURCE_RULE, this.sources.get(source), this.now());
      // Re-inserted, so the map's order is oldest failure first for trim().
      this.sources.delete(source);
      this.sources.set(source, next);
      trim(this.sources);
    }
  }

  /** A password sign-in makes the caller's tab or window a station: a fresh secret, the old one ends. */
  issueStation(previous: string | null): string {
    if (previous) this.stations.delete(hash(previous));
    const secret = randomBytes(32).toString('base64url');
    this.stations.set(hash(secret), { signedInAt: this.now(), pins: undefined });
    trim(this.stations);
    return secret;
  }

  /**
   * Whether a PIN may be tried on this station now: it must exist, be within the shop's station
   * time, not have used up its wrong PINs, and neither it nor the shop be waiting.
   */
  assertPinAllowed(secret: string | null, stationHours: number): void {
    const now = this.now();
    const station = secret ? this.stations.get(hash(secret)) : undefined;
    if (!station || now - station.signedInAt > stationHours * 3_600_000) {
      if (secret) this.stations.delete(hash(secret));
      throw new AppError('FORBIDDEN', { key: 'auth.error.noStation', params: { hours: stationHours }, details: { reason: 'station' } });
    }
    if ((station.pins?.failures ?? 0) >= STATION_LOCK_AT) {
      throw new AppError('TOO_MANY_ATTEMPTS', { key: 'auth.error.stationLocked', params: { limit: STATION_LOCK_AT }, details: { scope: 'station', locked: true } });
    }
    const stationWait = remainingWait(STATION_RULE, station.pins, now);
    if (stationWait > 0) {
      throw new AppError('TOO_MANY_ATTEMPTS', {
        key: 'auth.error.stationWait',
        params: { seconds: waitSeconds(stationWait), limit: STATION_LOCK_AT },
        details: { scope: 'station', retryAfterMs: stationWait },
      });
    }
    const shopWait = remainingWait(SHOP_PIN_RULE, this.shopPins, now);
    if (shopWait > 0) {
      throw new AppError('TOO_MANY_ATTEMPTS', { key: 'auth.error.shopPinWait', params: { seconds: waitSeconds(shopWait) }, details: { scope: 'shop', retryAfterMs: shopWait } });
    }
  }

  /** Whether the caller's tab or window may see the quick-switch list (a station within its time). */
  isStation(secret: string | null, stationHours: number): boolean {
    const station = secret ? this.stations.get(hash(secret)) : undefined;
    return station !== undefined && this.now() - station.signedInAt <= stationHours * 3_600_000;
  }

  pinChecked(secret: string | null, ok: boolean) {
    const station = secret ? this.stations.get(hash(secret)) : undefined;
    const now = this.now();
    if (ok) {
      if (station) station.pins = undefined;
      return;
    }
    if (station) station.pins = afterFailedTry(STATION_RULE, station.pins, now);
    this.shopPins = afterFailedTry(SHOP_PIN_RULE, this.shopPins, now);
  }
}
