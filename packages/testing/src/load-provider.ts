type OidcProviderModule = typeof import('oidc-provider');

let loading: Promise<OidcProviderModule> | undefined;

/**
 * Imports oidc-provider once, without its start-up warning about Node.js releases older than 22.
 *
 * oidc-provider 9.13 prints that warning with `console.warn` while its module loads, and it works
 * on Node.js 20. Only a warning that starts with `oidc-provider WARNING: Unsupported runtime` is
 * dropped, and only during the import; every other message passes through.
 */
export function loadProvider(): Promise<OidcProviderModule> {
  loading ??= importQuietly();
  return loading;
}

async function importQuietly(): Promise<OidcProviderModule> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    const [first] = args;
    if (typeof first === 'string' && first.includes('oidc-provider WARNING: Unsupported runtime')) {
      return;
    }
    warn(...args);
  };

  try {
    return await import('oidc-provider');
  } finally {
    console.warn = warn;
  }
}
