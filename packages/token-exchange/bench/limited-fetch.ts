/**
 * Wraps `fetch` so that at most `maxInFlight` requests are open at once. The benchmarks
 * start thousands of requests together, and without a limit undici would open a socket
 * for each, which can exceed the open-file limit of a test machine. The limit changes
 * when requests are sent, never how many.
 */
export function createLimitedFetch(maxInFlight: number): typeof fetch {
  let inFlight = 0;
  const waiting: Array<() => void> = [];

  const release = (): void => {
    inFlight -= 1;
    waiting.shift()?.();
  };

  return async (input, init) => {
    if (inFlight >= maxInFlight) {
      await new Promise<void>((resolve) => waiting.push(resolve));
    }

    inFlight += 1;
    try {
      const response = await fetch(input, init);
      const body = await response.arrayBuffer();
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } finally {
      release();
    }
  };
}
