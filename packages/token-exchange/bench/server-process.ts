// Runs a benchmark server in its own process, so its request handling does not share the
// event loop or the CPU-time count of the client being measured. The first argument picks
// the server, and the parent reads its URL from the first IPC message.
import { startCountingTokenEndpoint, startProjectApi, type LoopbackServer } from './servers.js';

const kind = process.argv[2];
let server: LoopbackServer;
if (kind === 'project-api') {
  server = await startProjectApi();
} else if (kind === 'token-endpoint') {
  server = await startCountingTokenEndpoint();
} else {
  throw new Error(`Unknown benchmark server ${JSON.stringify(kind)}. Use project-api or token-endpoint.`);
}

process.send?.({ url: server.url });
process.on('disconnect', () => {
  void server.close().then(() => process.exit(0));
});
