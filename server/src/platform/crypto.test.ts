import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCipher, loadSecret } from './crypto.ts';

const cipher = createCipher(Buffer.alloc(32, 7));

describe('field encryption', () => {
  it('round-trips and never repeats a ciphertext', () => {
    const a = cipher.encrypt('53262819850315123X');
    const b = cipher.encrypt('53262819850315123X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('5326');
    expect(cipher.decrypt(a)).toBe('53262819850315123X');
  });
  it('detects tampering', () => {
    const token = cipher.encrypt('13812345678');
    const raw = Buffer.from(token.slice(3), 'base64url');
    raw[raw.length - 1] ^= 1;
    expect(() => cipher.decrypt(`v1.${raw.toString('base64url')}`)).toThrow();
  });
  it('refuses another key', () => {
    const other = createCipher(Buffer.alloc(32, 8));
    expect(() => other.decrypt(cipher.encrypt('x'))).toThrow();
  });
  it('gives a stable blind index per purpose and key', () => {
    expect(cipher.blindIndex('id', 'A')).toBe(cipher.blindIndex('id', 'A'));
    expect(cipher.blindIndex('id', 'A')).not.toBe(cipher.blindIndex('phone', 'A'));
    expect(cipher.blindIndex('id', 'A')).not.toBe(createCipher(Buffer.alloc(32, 8)).blindIndex('id', 'A'));
  });
});

describe('loadSecret', () => {
  it('takes hex or base64 from the environment', () => {
    expect(loadSecret({ secretKey: 'ab'.repeat(32), dataDir: '/x' })).toHaveLength(32);
    expect(loadSecret({ secretKey: Buffer.alloc(32, 1).toString('base64'), dataDir: '/x' })).toHaveLength(32);
    expect(() => loadSecret({ secretKey: 'short', dataDir: '/x' })).toThrow(/at least 32 bytes/);
  });
  it('requires a key with PostgreSQL', () => {
    expect(() => loadSecret({ databaseUrl: 'postgres://x', dataDir: '/x' })).toThrow(/ANJU_SECRET_KEY/);
  });
  it('generates a key once into the embedded database directory', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anju-key-'));
    const first = loadSecret({ dataDir: dir });
    expect(loadSecret({ dataDir: dir }).equals(first)).toBe(true);
    expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    fs.rmSync(dir, { recursive: true });
  });
});
