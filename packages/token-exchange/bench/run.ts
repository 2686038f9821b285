// Prints the @lfx/token-exchange benchmarks as Markdown. Run with `pnpm bench` in this package,
// which starts node with --expose-gc for the memory section. Pass section names
// (overhead, calls, memory, throughput) to run only those.
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { measureClientThroughput } from './client-throughput.js';
import { measureMemory } from './memory.js';
import { measureMiddlewareHooks } from './middleware-hooks.js';
import { measureMiddlewareOverhead, type RequestCost } from './middleware-overhead.js';
import { formatRatioCells } from './stats.js';
import { measureTokenEndpointCalls } from './token-endpoint-calls.js';

const SECTIONS = ['overhead', 'calls', 'memory', 'throughput'] as const;
type Section = (typeof SECTIONS)[number];

const requested = process.argv.slice(2).filter((argument) => argument !== '--');
const unknown = requested.filter((name) => !(SECTIONS as readonly string[]).includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark section ${JSON.stringify(unknown[0])}. Choose from: ${SECTIONS.join(', ')}.`);
  process.exit(2);
}

const selected = new Set<Section>(requested.length === 0 ? SECTIONS : (requested as Section[]));

printMachine();

if (selected.has('overhead')) {
  const result = await measureMiddlewareOverhead({ rounds: 200, requestsPerRound: 100, warmupRequests: 2000 });
  console.log('\n## 1. Cache hit through the middleware vs a static Authorization header\n');
  console.log(
    `${result.rounds} rounds of ${result.requestsPerRound} sequential GET requests per client against a loopback API in a child process, clients alternating in each round.\n`,
  );
  console.log('| client | median wall µs per request | median CPU µs per request |');
  console.log('|---|---|---|');
  const costRow = (name: string, cost: RequestCost): string => `| ${name} | ${cost.wallUs.toFixed(1)} | ${cost.cpuUs.toFixed(1)} |`;
  console.log(costRow('static header (createClient `headers` option)', result.staticHeader));
  console.log(costRow('middleware that sets a constant header', result.trivialMiddleware));
  console.log(costRow('tokenExchangeMiddleware, cache hit', result.tokenExchangeMiddleware));
  console.log('\n| ratio of tokenExchangeMiddleware to | measure | median | p10 | p90 | target |');
  console.log('|---|---|---|---|---|---|');
  console.log(`| static header | wall-clock | ${formatRatioCells(result.wallRatioToStatic)} | ≤ 1.05 |`);
  console.log(`| static header | CPU time | ${formatRatioCells(result.cpuRatioToStatic)} | ≤ 1.05 |`);
  console.log(`| constant-header middleware | wall-clock | ${formatRatioCells(result.wallRatioToTrivialMiddleware)} | — |`);
  console.log(`| constant-header middleware | CPU time | ${formatRatioCells(result.cpuRatioToTrivialMiddleware)} | — |`);

  const hooks = await measureMiddlewareHooks({ rounds: 100, requestsPerRound: 2000 });
  const addedUs = hooks.tokenExchangeMiddlewareUs - hooks.staticHeaderUs;
  console.log(
    `\nWithout network (${hooks.rounds} rounds of ${hooks.requestsPerRound}): building the Request and running the hooks takes, per request, ` +
      `${hooks.staticHeaderUs.toFixed(2)} µs with a static header, ${hooks.trivialMiddlewareUs.toFixed(2)} µs with the constant-header middleware ` +
      `and ${hooks.tokenExchangeMiddlewareUs.toFixed(2)} µs with tokenExchangeMiddleware on a cache hit. ` +
      `The ${addedUs.toFixed(2)} µs added is ${((addedUs / result.staticHeader.wallUs) * 100).toFixed(1)} % of the static-header request's median wall time above.`,
  );
}

if (selected.has('calls')) {
  const results = await measureTokenEndpointCalls();
  console.log('\n## 2. Token endpoint calls for concurrent cold requests\n');
  console.log('| scenario | API requests | token endpoint calls | target |');
  console.log('|---|---|---|---|');
  for (const result of results) {
    console.log(`| ${result.scenario} | ${result.apiRequests} | ${result.tokenEndpointCalls} | ${result.target} |`);
  }
}

if (selected.has('memory')) {
  const result = await measureMemory(10_000, [10_000, 19_999, 100_000, 1_000_000, 1_009_999]);
  console.log(`\n## 3. Heap after distinct subject tokens, maxSize ${result.maxSize}\n`);
  console.log('| distinct subject tokens | heap used (MB) | heap above empty cache (MB) | evictions |');
  console.log('|---|---|---|---|');
  for (const row of result.heapMbBySubjects) {
    console.log(`| ${row.subjects} | ${row.heapMb.toFixed(1)} | ${row.heapDeltaMb.toFixed(1)} | ${row.evictions} |`);
  }
}

if (selected.has('throughput')) {
  const results = [];
  for (const concurrency of [1, 8]) {
    results.push(await measureClientThroughput({ rounds: 40, exchangesPerRound: 50, concurrency, warmupExchanges: 300 }));
  }

  console.log('\n## 4. Exchanges per second: TokenExchangeClient vs openid-client genericGrantRequest\n');
  console.log('| concurrency | rounds × exchanges | ours /s | openid-client /s | ours /CPU s | openid-client /CPU s |');
  console.log('|---|---|---|---|---|---|');
  for (const result of results) {
    console.log(
      `| ${result.concurrency} | ${result.rounds} × ${result.exchangesPerRound} | ${result.oursPerSecond.toFixed(0)} | ${result.openidClientPerSecond.toFixed(0)} | ${result.oursPerCpuSecond.toFixed(0)} | ${result.openidClientPerCpuSecond.toFixed(0)} |`,
    );
  }

  console.log('\n| concurrency | ratio ours / openid-client | median | p10 | p90 | target |');
  console.log('|---|---|---|---|---|---|');
  for (const result of results) {
    console.log(`| ${result.concurrency} | per wall-clock second | ${formatRatioCells(result.wallRatio)} | ≥ 1.0 |`);
    console.log(`| ${result.concurrency} | per CPU second | ${formatRatioCells(result.cpuRatio)} | ≥ 1.0 |`);
  }
}

console.log(`\nLoad average at the end (1, 5, 15 min): ${loadavg().map((load) => load.toFixed(2)).join(', ')}`);

function readCpuModel(): string {
  try {
    const model = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1];
    if (model !== undefined) {
      return model;
    }
  } catch {
    // /proc/cpuinfo exists only on Linux, and os.cpus() has the model elsewhere.
  }

  return cpus()[0]?.model ?? 'unknown';
}

function printMachine(): void {
  const cpuModel = readCpuModel();
  console.log('# @lfx/token-exchange benchmarks\n');
  console.log(`- date: ${new Date().toISOString()}`);
  console.log(`- node: ${process.version}`);
  console.log(`- CPUs: ${availableParallelism()} × ${cpuModel}`);
  console.log(`- load average at the start (1, 5, 15 min): ${loadavg().map((load) => load.toFixed(2)).join(', ')}`);
}
