import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Cleanup } from '../src/cleanup.js';
import { checkRefusals } from '../src/refusals.js';
import { signIn } from '../src/sign-in.js';
import { startStack, type DemoStack } from '../src/stack.js';

describe('refusals step output', () => {
  const cleanup = new Cleanup();
  const lines: string[] = [];
  let stack: DemoStack;
  let accessToken: string;

  beforeAll(async () => {
    stack = await startStack((line) => lines.push(line), cleanup);
    const session = await signIn(stack, () => {});
    cleanup.add(() => session.client.close());
    accessToken = session.accessToken;
  });
  afterAll(() => cleanup.run());

  it('prints the client line before the 401', async () => {
    lines.length = 0;

    const refusals = await checkRefusals(stack, accessToken, (line) => lines.push(line));

    const clientLine = lines.findIndex((line) => line.startsWith('  MCP client   GET /projects on the LFX API with its MCP token '));
    const apiLine = lines.findIndex((line) => line.startsWith('    LFX API      GET /projects → 401  '));
    expect(refusals).toBe(3);
    expect(clientLine).toBeGreaterThanOrEqual(0);
    expect(apiLine).toBe(clientLine + 1);
  });
});
