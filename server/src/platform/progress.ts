import cliProgress from 'cli-progress';

/** One piece of long work: `tick` as units finish, `done` at the end. */
export interface ProgressTask {
  tick(n?: number): void;
  done(): void;
}

/** Reports long work: a bar on a terminal, plain lines in logs and CI, nothing in tests. */
export interface Progress {
  start(label: string, total: number): ProgressTask;
}

export const silentProgress: Progress = { start: () => ({ tick() {}, done() {} }) };

function barProgress(): Progress {
  return {
    start(label, total) {
      const bar = new cliProgress.SingleBar(
        {
          format: `${label.padEnd(28)} {bar} {percentage}% | {value}/{total} | {duration_formatted}`,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
      return { tick: (n = 1) => bar.increment(n), done: () => bar.stop() };
    },
  };
}

function lineProgress(write: (line: string) => void): Progress {
  return {
    start(label, total) {
      const started = Date.now();
      let value = 0;
      let lastAt = started;
      let lastShare = 0;
      const line = () => `${label}: ${value}/${total} (${Math.floor((value / Math.max(total, 1)) * 100)}%)`;
      return {
        tick(n = 1) {
          value += n;
          const share = value / Math.max(total, 1);
          if (value < total && (share - lastShare >= 0.1 || Date.now() - lastAt >= 5000)) {
            write(line());
            lastShare = share;
            lastAt = Date.now();
          }
        },
        done() {
          write(`${line()} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        },
      };
    },
  };
}

/** The reporter for this process: a bar when stdout is a terminal, otherwise one line per ~10 %. */
export function consoleProgress(stream: NodeJS.WriteStream = process.stdout): Progress {
  return stream.isTTY ? barProgress() : lineProgress((line) => stream.write(`${line}\n`));
}
