// `npm run bench -- <name> [--scale site|county|province|nation] [...]`: runs bench/<name>.ts.
import path from 'node:path';
import fs from 'node:fs';

const [name, ...args] = process.argv.slice(2);
const available = fs
  .readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace('.bench.ts', ''));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <${available.join('|')}> [options]`);
  process.exit(2);
}
const mod = (await import(path.join(import.meta.dirname, `${name}.bench.ts`))) as {
  default: (args: string[]) => Promise<Record<string, unknown>>;
};
const figures = await mod.default(args);
console.log(JSON.stringify({ bench: name, ...figures }));
process.exit(0);
