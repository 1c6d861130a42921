import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import type { Database } from '../../db/client.ts';
import { NOTIFY_CHANNEL } from './notify.ts';

type Listener = (notificationId: number) => void;

/** Fans NOTIFY signals out to the live connections of this process, by user. */
export class NotificationHub {
  private listeners = new Map<number, Set<Listener>>();
  private stopListening: (() => Promise<void>) | undefined;
  private closed = false;
  private isListening = false;
  private retry: NodeJS.Timeout | undefined;
  private signalled: (() => void) | undefined;

  constructor(
    private database: Database,
    private log: FastifyBaseLogger,
  ) {}

  subscribe(userId: number, fn: Listener): () => void {
    let set = this.listeners.get(userId);
    if (!set) this.listeners.set(userId, (set = new Set()));
    set.add(fn);
    return () => {
      set.delete(fn);
      if (set.size === 0) this.listeners.delete(userId);
    };
  }

  /** Hears that notifications were written anywhere (the outbound relay queues what they owe). */
  onSignal(fn: () => void) {
    this.signalled = fn;
  }

  get connectionCount(): number {
    let n = 0;
    for (const s of this.listeners.values()) n += s.size;
    return n;
  }

  private dispatch(payload: string | undefined) {
    if (!payload) return;
    this.signalled?.();
    try {
      for (const [userId, id] of JSON.parse(payload) as [number, number][]) {
        for (const fn of this.listeners.get(userId) ?? []) fn(id);
      }
    } catch (err) {
      this.log.warn({ err }, 'bad notification payload');
    }
  }

  async start(): Promise<void> {
    const { pglite, pool } = this.database;
    if (pglite) {
      const unsub = await pglite.listen(NOTIFY_CHANNEL, (payload) => this.dispatch(payload));
      this.stopListening = unsub;
      this.isListening = true;
      return;
    }
    if (pool) await this.listenPg(pool);
  }

  /** Whether signals reach this process: false while the LISTEN connection is being re-made. */
  get listening(): boolean {
    return this.isListening;
  }

  /**
   * A dedicated connection LISTENs. When it is lost (a restart, a failover, a terminated backend) it is
   * made again with backoff for as long as it takes, so no process stays deaf.
   */
  private async listenPg(pool: pg.Pool): Promise<void> {
    const client = await pool.connect();
    let lost = false;
    const onNotification = (msg: pg.Notification) => this.dispatch(msg.payload);
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      this.isListening = false;
      client.off('notification', onNotification);
      client.release(err ?? new Error('the notification listener connection ended'));
      if (this.closed) return;
      this.log.warn({ err }, 'notification listener lost its connection; listening again');
      this.relisten(pool, 0);
    };
    client.on('notification', onNotification);
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    } catch (err) {
      onLost(err as Error);
      return;
    }
    if (lost) return;
    this.isListening = true;
    this.stopListening = async () => {
      if (lost) return;
      lost = true;
      this.isListening = false;
      client.off('notification', onNotification);
      await client.query(`UNLISTEN ${NOTIFY_CHANNEL}`).catch(() => undefined);
      client.release();
    };
  }

  /** Tries again after 250 ms, doubling up to 2 s between attempts. */
  private relisten(pool: pg.Pool, attempt: number) {
    this.retry = setTimeout(
      () => {
        this.retry = undefined;
        if (this.closed) return;
        this.listenPg(pool).catch((err) => {
          if (attempt === 0) this.log.warn({ err }, 'notification listener cannot connect yet');
          if (!this.closed) this.relisten(pool, attempt + 1);
        });
      },
      Math.min(250 * 2 ** attempt, 2000),
    );
  }

  async stop(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    await this.stopListening?.();
    this.listeners.clear();
  }
}
