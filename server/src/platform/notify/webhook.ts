import { createHash, createHmac } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { MessageLocale } from '@anju/contracts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import type { Cipher } from '../crypto.ts';
import type { JobDefinition, Jobs } from '../jobs/jobs.ts';
import * as repo from './outbound.repo.ts';
import { messageText } from './texts.ts';

export const WEBHOOK_JOB = 'notify-webhook';
export const RELAY_JOB = 'notify-outbound';
export const SIGNATURE_HEADER = 'x-anju-signature';
const BATCH = 200;

/** What the gateway receives for one message (docs/operations.md, "The webhook channel"). */
export interface WebhookPayload {
  id: string;
  kind: string;
  locale: MessageLocale;
  recipient: { userId: string; username: string; name: string; phone: string };
  text: string;
  link: string | null;
  createdAt: string;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, so a gateway can refuse forged or replayed calls. */
export function signature(secret: string, body: string, at = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac('sha256', secret).update(`${at}.${body}`).digest('hex');
  return `t=${at},v1=${mac}`;
}

/** One job id per delivery and try round, so relays running at once in several processes queue it once. */
function jobId(deliveryId: number, round: number): string {
  const h = createHash('sha256').update(`anju-delivery:${deliveryId}:${round}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The webhook channel: notifications owed to the deployment's SMS or WeChat gateway (rows of
 * `notification_deliveries`, written with the notification) are queued as pg-boss jobs, each POSTed
 * signed and tried again with growing waits when the gateway fails; the last failure is logged and
 * stays in the table.
 */
export class Outbound {
  private jobs: Jobs | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private database: Database,
    private config: Config,
    private cipher: Cipher,
    private log: FastifyBaseLogger,
  ) {}

  attach(jobs: Jobs) {
    this.jobs = jobs;
  }

  get definitions(): JobDefinition[] {
    return [
      { name: RELAY_JOB, cron: '* * * * *', run: () => this.relay() },
      { name: WEBHOOK_JOB, run: (_db, data, attempt) => this.deliver(Number(data.deliveryId), attempt) },
    ];
  }

  /** Queues what is pending now; called when notifications are signalled, and every minute. */
  relay(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.queuePending()
      .catch((err) => this.log.warn({ err }, 'outbound notifications not queued yet'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          void this.relay();
        }
      });
    return this.running;
  }

  private async queuePending() {
    const jobs = this.jobs;
    if (!jobs) return;
    const db = this.database.db;
    if (!this.config.notifyWebhookUrl) {
      const n = await repo.failPending(db, 'no gateway is configured (ANJU_NOTIFY_WEBHOOK_URL)');
      if (n) this.log.warn({ deliveries: n }, 'outbound notifications dropped: no gateway configured');
      return;
    }
    for (;;) {
      const rows = await repo.pending(db, BATCH);
      for (const r of rows) {
        await jobs.boss.send(
          WEBHOOK_JOB,
          { deliveryId: r.id },
          {
            id: jobId(r.id, r.attempts),
            retryLimit: this.config.notifyWebhookRetries,
            retryDelay: this.config.notifyWebhookRetrySeconds,
            retryBackoff: true,
            expireInSeconds: 60,
          },
        );
      }
      if (rows.length)
        await repo.markQueued(
          db,
          rows.map((r) => r.id),
        );
      if (rows.length < BATCH) return;
    }
  }

  /** One try of one delivery; a throw makes pg-boss try again later, until its retries are spent. */
  async deliver(id: number, attempt: { retryCount: number; retryLimit: number }) {
    const db = this.database.db;
    const d = await repo.toSend(db, id);
    if (!d || d.state === 'sent' || d.state === 'dropped') return;
    const { notifyWebhookUrl: url, notifyWebhookSecret: secret } = this.config;
    if (!url || !secret) return repo.recordAttempt(db, id, 'failed', 'no gateway is configured');
    if (!d.webhook || !d.phoneCipher) return repo.recordAttempt(db, id, 'dropped', 'the recipient opted out');
    const locale = d.locale as MessageLocale;
    const params = d.params as Record<string, unknown>;
    const payload: WebhookPayload = {
      id: String(d.id),
      kind: d.kind,
      locale,
      recipient: {
        userId: String(d.userId),
        username: d.username,
        name: d.displayName,
        phone: this.cipher.decrypt(d.phoneCipher),
      },
      text: messageText(d.kind, params, locale),
      link: d.link ? `${this.config.publicUrl ?? ''}${d.link}` : null,
      createdAt: new Date(d.createdAt).toISOString(),
    };
    const body = JSON.stringify(payload);
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          [SIGNATURE_HEADER]: signature(secret, body),
          'x-anju-delivery': payload.id,
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`the gateway answered ${res.status}`);
      await res.body?.cancel();
    } catch (err) {
      const final = attempt.retryCount >= attempt.retryLimit;
      const message = err instanceof Error ? err.message : String(err);
      await repo.recordAttempt(db, id, final ? 'failed' : 'queued', message);
      const facts = { deliveryId: id, try: attempt.retryCount + 1, error: message };
      if (final) this.log.error(facts, 'outbound notification failed; it stays in notification_deliveries');
      else this.log.warn(facts, 'outbound notification failed; it will be tried again');
      throw err;
    }
    await repo.recordAttempt(db, id, 'sent', null);
  }
}
