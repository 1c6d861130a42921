// The worker thread of checkFile: reads, checks and seals the rows of a file, sending batches ahead
// only as far as the main thread has staged them.
import { parentPort, workerData } from 'node:worker_threads';
import { createCipher } from '../../../platform/crypto.ts';
import { checkedBatches, type CheckSetup, type WorkerMessage } from './checked.ts';
import { Refused } from './source.ts';

const { setup, secret, ahead } = workerData as { setup: CheckSetup; secret: Uint8Array; ahead: number };
const port = parentPort!;
let credits = ahead;
let wake: (() => void) | undefined;
port.on('message', () => {
  credits++;
  wake?.();
});
const send = (m: WorkerMessage) => port.postMessage(m);

try {
  for await (const batch of checkedBatches(setup, createCipher(Buffer.from(secret)))) {
    while (credits === 0) await new Promise<void>((r) => (wake = r));
    credits--;
    send({ batch });
  }
  send({ done: true });
} catch (err) {
  if (!(err instanceof Refused)) throw err;
  const columns = err.details.map((d) => d.field);
  send({ refused: { message: err.message, reason: err.reason, params: err.params, columns } });
}
