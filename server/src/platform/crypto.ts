import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Field encryption for personal data (ID numbers, phones, bank accounts): AES-256-GCM at rest,
 * found through a keyed blind index (HMAC-SHA256), both derived from one secret.
 */
export interface Cipher {
  encrypt(plain: string): string;
  decrypt(token: string): string;
  /** Deterministic keyed hash for equality lookups; `purpose` keeps indexes of different fields apart. */
  blindIndex(purpose: string, value: string): string;
}

const VERSION = 'v1';

// One CSPRNG call per 4,096 IVs instead of one per value: bulk imports seal millions of values.
let ivPool = Buffer.alloc(0);
let ivAt = 0;
function nextIv(): Buffer {
  if (ivAt + 12 > ivPool.length) {
    ivPool = randomBytes(12 * 4096);
    ivAt = 0;
  }
  ivAt += 12;
  return ivPool.subarray(ivAt - 12, ivAt);
}

const secrets = new WeakMap<Cipher, Buffer>();

/** The secret a cipher was made from, so that a worker thread can make the same cipher. */
export const secretOf = (cipher: Cipher): Buffer | undefined => secrets.get(cipher);

export function createCipher(secret: Buffer): Cipher {
  if (secret.length < 32) throw new Error('the secret key must be at least 32 bytes');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'anju', info, 32));
  const encKey = derive('field-encryption-v1');
  const macKey = derive('blind-index-v1');
  const cipher: Cipher = {
    encrypt(plain) {
      const iv = nextIv();
      const c = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `${VERSION}.${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64url')}`;
    },
    decrypt(token) {
      const [version, data] = token.split('.');
      if (version !== VERSION || !data) throw new Error('unknown ciphertext version');
      const raw = Buffer.from(data, 'base64url');
      const d = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
    },
    blindIndex(purpose, value) {
      return createHmac('sha256', macKey).update(`${purpose}\u0000${value}`).digest('base64url').slice(0, 32);
    },
  };
  secrets.set(cipher, secret);
  return cipher;
}

function parseSecret(raw: string): Buffer {
  const text = raw.trim();
  const buf = /^[0-9a-f]{64,}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (buf.length < 32)
    throw new Error('ANJU_SECRET_KEY must hold at least 32 bytes (64 hex characters or base64)');
  return buf;
}

/**
 * The secret comes from ANJU_SECRET_KEY. Only the embedded database may do without: its key is then
 * generated once into the data directory (0600), next to the data it protects.
 */
export function loadSecret(opts: { secretKey?: string; databaseUrl?: string; dataDir: string }): Buffer {
  if (opts.secretKey) return parseSecret(opts.secretKey);
  if (opts.databaseUrl)
    throw new Error('ANJU_SECRET_KEY is required with DATABASE_URL (openssl rand -hex 32)');
  const file = path.join(opts.dataDir, 'secret.key');
  if (fs.existsSync(file)) return parseSecret(fs.readFileSync(file, 'utf8'));
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const secret = randomBytes(32);
  fs.writeFileSync(file, secret.toString('hex'), { mode: 0o600 });
  return secret;
}
