import pino from 'pino';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { logged } from './logged.ts';

/** A real pino logger writing its JSON lines into an array. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { log: pino(sink), lines };
}

describe('an import job that fails', () => {
  it('logs a bug with the import and the request that started it, and still fails the job', async () => {
    const { log, lines } = capture();
    const bug = new TypeError("Cannot read properties of undefined (reading 'year')");
    await expect(
      logged(log, 'dry run', { importId: 42, requestId: 'req-7' }, () => Promise.reject(bug)),
    ).rejects.toBe(bug);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 50,
      importId: 42,
      reqId: 'req-7',
      msg: 'registry import dry run failed',
      err: { type: 'TypeError', message: bug.message },
    });
  });

  it('does not log a verdict on the file, which the import report gives', async () => {
    const { log, lines } = capture();
    const verdict = new AppError('validation_failed', 'the file has no rows');
    await expect(logged(log, 'commit', { importId: 1 }, () => Promise.reject(verdict))).rejects.toBe(verdict);
    expect(lines).toEqual([]);
  });
});
