import {
  normalisePhone,
  maskPhone,
  type MessageLocale,
  type NotificationPreferences,
  type NotificationPreferencesUpdate,
} from '@anju/contracts';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Cipher } from '../../platform/crypto.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import * as repo from './preferences.repo.ts';

export interface PreferencesDeps {
  database: Database;
  cipher: Cipher;
  /** Whether the deployment has an SMS or WeChat gateway (ANJU_NOTIFY_WEBHOOK_URL). */
  webhookAvailable: boolean;
}

/** A user without a saved row has the defaults: the bell only, messages in Chinese, version 1. */
function present(row: repo.PreferencesRow | undefined, webhookAvailable: boolean): NotificationPreferences {
  return {
    inApp: true,
    webhook: row?.webhook ?? false,
    phoneMasked: row?.phoneMasked ?? null,
    locale: (row?.locale ?? 'zh-CN') as MessageLocale,
    webhookAvailable,
    version: row?.version ?? 1,
  };
}

/** The caller's own choices; nobody reads anyone else's. */
export async function getMine(deps: PreferencesDeps, ctx: Ctx): Promise<NotificationPreferences> {
  return present(await repo.find(deps.database.db, ctx.actor.userId), deps.webhookAvailable);
}

function phoneOf(input: string): string {
  const phone = normalisePhone(input);
  if (!phone || !phone.startsWith('1')) throw invalid('phone', 'give a mobile number of 11 digits');
  return phone;
}

/** Saves the caller's own choices at the version they read; a stale version is a 409. */
export async function setMine(
  deps: PreferencesDeps,
  ctx: Ctx,
  input: NotificationPreferencesUpdate,
): Promise<NotificationPreferences> {
  const userId = ctx.actor.userId;
  const saved = await deps.database.db.transaction(async (tx) => {
    const before = await repo.find(tx, userId);
    const phone = input.phone === undefined || input.phone === '' ? undefined : phoneOf(input.phone);
    const values: repo.PreferencesValues = {
      webhook: input.webhook,
      locale: input.locale,
      phoneCipher: phone
        ? deps.cipher.encrypt(phone)
        : input.phone === ''
          ? null
          : (before?.phoneCipher ?? null),
      phoneMasked: phone ? maskPhone(phone) : input.phone === '' ? null : (before?.phoneMasked ?? null),
    };
    if (values.webhook && !deps.webhookAvailable)
      throw invalid('webhook', 'this deployment has no SMS or WeChat gateway');
    if (values.webhook && !values.phoneCipher)
      throw invalid('phone', 'give a mobile number to receive messages on');
    const row =
      (await repo.update(tx, userId, input.version, values)) ??
      (!before && input.version === 1 ? await repo.insertFirst(tx, userId, values) : undefined);
    if (!row)
      throw conflict('your notification settings were changed elsewhere; reload and try again', [
        { field: 'version', reason: 'stale' },
      ]);
    await audit(tx, ctx, {
      action: 'notification.preferences',
      targetType: 'user',
      targetId: userId,
      detail: { webhook: values.webhook, locale: values.locale, phoneChanged: input.phone !== undefined },
    });
    return row;
  });
  return present(saved, deps.webhookAvailable);
}
