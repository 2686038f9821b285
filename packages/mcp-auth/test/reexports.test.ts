import * as tokenExchange from '@lfx/token-exchange';
import { describe, expect, it } from 'vitest';

import * as mcpAuth from '../src/index.js';

describe('re-exports of @lfx/token-exchange', () => {
  it.each(['TokenExchangeClient', 'TokenCache', 'TokenExchangeError', 'TOKEN_TYPE_ACCESS_TOKEN', 'TOKEN_TYPE_ID_TOKEN', 'TOKEN_TYPE_JWT'] as const)(
    'exports the same %s',
    (name) => {
      expect(mcpAuth[name]).toBe(tokenExchange[name]);
    },
  );
});
