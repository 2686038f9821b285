// `pnpm demo`: builds the packages that the demo imports, then runs the demo
// (examples/demo/src/main.ts). See the "Demo" section of the README.
//
// Exit status: the demo's own (0 on success, 1 when a step failed), 1 when the build
// failed, or 128 + the signal number when the demo was stopped by a signal.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const demoDirectory = fileURLToPath(new URL('../examples/demo/', import.meta.url));
const turbo = createRequire(import.meta.url).resolve('turbo/bin/turbo');

let child;

// Ctrl-C reaches every process of the terminal's group, the child included. Forward a
// signal that only this process received, and let the child stop its servers and exit.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child?.kill(signal));
}

process.stdout.write('Building the packages the demo uses (turbo run build)...\n');
const startedAt = performance.now();
const build = await run(process.execPath, [turbo, 'run', 'build', '--filter=@lfx/example-demo...', '--output-logs=errors-only'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
});
if (build.code !== 0) {
  process.stderr.write(build.output);
  process.stderr.write(`demo failed at step "build": turbo run build exited with ${describeExit(build)}\n`);
  process.exit(1);
}
process.stdout.write(`Built in ${((performance.now() - startedAt) / 1000).toFixed(1)} s.\n\n`);

const demo = await run(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: demoDirectory, stdio: 'inherit' });
process.exit(demo.code ?? 128 + signalNumber(demo.signal));

function run(command, args, options) {
  return new Promise((resolve, reject) => {
    child = spawn(command, args, options);
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      child = undefined;
      resolve({ code, signal, output });
    });
  });
}

function describeExit({ code, signal }) {
  return code === null ? `signal ${signal}` : `status ${code}`;
}

function signalNumber(signal) {
  return { SIGINT: 2, SIGTERM: 15 }[signal] ?? 1;
}
