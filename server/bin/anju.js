#!/usr/bin/env node
// The `anju` command runs the TypeScript sources directly through tsx (see docs/adr/0002).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
