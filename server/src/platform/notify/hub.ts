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

  get connectionCount(): number {
    let n = 0;
    for (const s of this.listeners.values()) n += s.size;
    return n;
  }

  private dispatch(payload: string | undefined) {
    if (!payload) return;
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
      return;
    }
    if (pool) await this.listenPg(pool);
  }

  /** A dedicated connection LISTENs; it reconnects after a failure so no process goes deaf. */
  private async listenPg(pool: pg.Pool): Promise<void> {
    const client = await pool.connect();
    const onNotification = (msg: pg.Notification) => this.dispatch(msg.payload);
    const onError = (err: Error) => {
      this.log.error({ err }, 'notification listener lost its connection');
      client.release(err);
      if (!this.closed)
        setTimeout(
          () => this.listenPg(pool).catch((e) => this.log.error({ err: e }, 'relisten failed')),
          1000,
        );
    };
    client.on('notification', onNotification);
    client.on('error', onError);
    await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    this.stopListening = async () => {
      client.off('error', onError);
      client.off('notification', onNotification);
      await client.query(`UNLISTEN ${NOTIFY_CHANNEL}`).catch(() => undefined);
      client.release();
    };
  }

  async stop(): Promise<void> {
    this.closed = true;
    await this.stopListening?.();
    this.listeners.clear();
  }
}
