import type * as OidcProvider from 'oidc-provider';

/** The oidc-provider module: its `Provider` class and its OAuth `errors`. */
export type OidcProviderModule = Pick<typeof OidcProvider, 'Provider' | 'errors'>;

let loading: Promise<OidcProviderModule> | undefined;

/**
 * Imports oidc-provider once, dropping the one start-up warning it prints on Node.js 20.
 *
 * While its module loads, oidc-provider 9.13 warns with `console.warn` that it expects Node.js 22
 * or later. It works on Node.js 20, which this repository supports. Only that warning is dropped, and
 * only while the module loads, so every other message still reaches the console.
 */
export function loadProvider(): Promise<OidcProviderModule> {
  loading ??= importWithoutRuntimeWarning();
  return loading;
}

async function importWithoutRuntimeWarning(): Promise<OidcProviderModule> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('oidc-provider WARNING: Unsupported runtime')) {
      return;
    }
    warn(...args);
  };

  try {
    const { Provider, errors } = await import('oidc-provider');
    return { Provider, errors };
  } finally {
    console.warn = warn;
  }
}
