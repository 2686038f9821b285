import { randomBytes } from 'node:crypto';
import { generateRsaKeyPair } from '@lfx/testing';
import { importPKCS8 } from 'jose';
import * as openidClient from 'openid-client';
import { GRANT_TYPE_TOKEN_EXCHANGE, TOKEN_TYPE_ACCESS_TOKEN, TokenExchangeClient } from '../src/index.js';
import { startServerProcess } from './servers.js';
import { median, quantile, type RatioSummary } from './stats.js';

export interface ClientThroughputOptions {
  rounds: number;
  exchangesPerRound: number;
  /** Exchanges in flight at once within a round. */
  concurrency: number;
  warmupExchanges: number;
}

export interface ClientThroughputResult {
  rounds: number;
  exchangesPerRound: number;
  concurrency: number;
  /** Median exchanges per wall-clock second over the rounds. */
  oursPerSecond: number;
  openidClientPerSecond: number;
  /** Median exchanges per second of CPU time of the benchmark process (the endpoint runs in a child process). */
  oursPerCpuSecond: number;
  openidClientPerCpuSecond: number;
  /** Per-round ratios of our rate to openid-client's. */
  wallRatio: RatioSummary;
  cpuRatio: RatioSummary;
}

interface RoundRate {
  perSecond: number;
  perCpuSecond: number;
}

/**
 * Compares {@link TokenExchangeClient.exchangeToken} with openid-client 6 `genericGrantRequest`
 * for the token exchange grant. Both authenticate with `private_key_jwt` (RS256, one key, a
 * new assertion per request) against the same loopback endpoint in a child process, which
 * does not verify the assertion, so the figures measure the clients and not the server.
 */
export async function measureClientThroughput(options: ClientThroughputOptions): Promise<ClientThroughputResult> {
  const endpoint = await startServerProcess('token-endpoint');
  try {
    const tokenEndpoint = `${endpoint.url}/token`;
    const keys = generateRsaKeyPair('benchmark-key');
    const subjectToken = randomBytes(600).toString('base64url');

    const ours = new TokenExchangeClient({
      tokenEndpoint,
      clientId: 'benchmark-client',
      clientAssertionSigningKey: keys.privateKeyPkcs8Pem,
      subjectTokenType: TOKEN_TYPE_ACCESS_TOKEN,
      audience: 'https://api.lfx.test',
    });

    const cryptoKey = await importPKCS8(keys.privateKeyPkcs8Pem, 'RS256');
    const configuration = new openidClient.Configuration(
      { issuer: endpoint.url, token_endpoint: tokenEndpoint },
      'benchmark-client',
      undefined,
      openidClient.PrivateKeyJwt(cryptoKey),
    );
    openidClient.allowInsecureRequests(configuration);
    const parameters = { subject_token: subjectToken, subject_token_type: TOKEN_TYPE_ACCESS_TOKEN, audience: 'https://api.lfx.test' };

    const exchangeOurs = async (): Promise<void> => {
      const response = await ours.exchangeToken(subjectToken);
      checkIssued(response.access_token);
    };
    const exchangeOpenidClient = async (): Promise<void> => {
      const response = await openidClient.genericGrantRequest(configuration, GRANT_TYPE_TOKEN_EXCHANGE, parameters);
      checkIssued(response.access_token);
    };

    await runExchanges(exchangeOurs, options.warmupExchanges, options.concurrency);
    await runExchanges(exchangeOpenidClient, options.warmupExchanges, options.concurrency);

    const oursRates: RoundRate[] = [];
    const openidClientRates: RoundRate[] = [];
    for (let round = 0; round < options.rounds; round += 1) {
      const measureOurs = async (): Promise<void> => {
        oursRates.push(await runExchanges(exchangeOurs, options.exchangesPerRound, options.concurrency));
      };
      const measureOpenidClient = async (): Promise<void> => {
        openidClientRates.push(await runExchanges(exchangeOpenidClient, options.exchangesPerRound, options.concurrency));
      };

      if (round % 2 === 0) {
        await measureOurs();
        await measureOpenidClient();
      } else {
        await measureOpenidClient();
        await measureOurs();
      }
    }

    const summarize = (pick: (rate: RoundRate) => number): RatioSummary => {
      const ratios = oursRates.map((rate, i) => pick(rate) / pick(openidClientRates[i] as RoundRate));
      return { median: median(ratios), p10: quantile(ratios, 0.1), p90: quantile(ratios, 0.9) };
    };

    return {
      rounds: options.rounds,
      exchangesPerRound: options.exchangesPerRound,
      concurrency: options.concurrency,
      oursPerSecond: median(oursRates.map((rate) => rate.perSecond)),
      openidClientPerSecond: median(openidClientRates.map((rate) => rate.perSecond)),
      oursPerCpuSecond: median(oursRates.map((rate) => rate.perCpuSecond)),
      openidClientPerCpuSecond: median(openidClientRates.map((rate) => rate.perCpuSecond)),
      wallRatio: summarize((rate) => rate.perSecond),
      cpuRatio: summarize((rate) => rate.perCpuSecond),
    };
  } finally {
    await endpoint.close();
  }
}

/** Runs `count` exchanges, `concurrency` at a time, and returns exchanges per wall-clock and per CPU second. */
async function runExchanges(exchange: () => Promise<void>, count: number, concurrency: number): Promise<RoundRate> {
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < count) {
      started += 1;
      await exchange();
    }
  };

  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallSeconds = (performance.now() - startedAt) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { perSecond: count / wallSeconds, perCpuSecond: count / ((cpu.user + cpu.system) / 1e6) };
}

function checkIssued(accessToken: string): void {
  if (!accessToken.startsWith('issued-')) {
    throw new Error('the benchmark token endpoint returned an unexpected access token');
  }
}
