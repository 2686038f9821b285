/**
 * The demo user's browser, reduced to what the authorization code flow needs: it follows
 * redirects by hand, keeps the authorization server's cookies, and answers the sign-in and consent
 * prompts of the demo's authorization server for one user.
 */

export interface UserAgentOptions {
  /** The client's registered redirect URI. The flow ends at the first redirect that points there. */
  redirectUri: string;
  /** Username to sign in with. */
  username: string;
  /** Called once per step with a line for the demo's log. */
  onStep?: (line: string) => void;
  /** Maximum number of HTTP requests before the flow is abandoned. Default: 20. */
  maxRequests?: number;
}

/** The parameters of the final redirect to the client. */
export interface AuthorizationResponse {
  code: string;
  state: string | undefined;
}

/** A failed step of the user agent, with the HTTP status when there was a response. */
export class UserAgentError extends Error {
  override readonly name = 'UserAgentError';
  readonly status: number | undefined;

  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

interface PageRequest {
  url: URL;
  /** Form fields to POST; a GET when absent. */
  form?: URLSearchParams;
}

interface StoredCookie {
  value: string;
  path: string;
  origin: string;
}

/** Opens `authorizationUrl` and drives the flow to the redirect that carries the authorization code. */
export async function authorizeAsUser(authorizationUrl: URL, options: UserAgentOptions): Promise<AuthorizationResponse> {
  const cookies = new Map<string, StoredCookie>();
  const maxRequests = options.maxRequests ?? 20;
  const step = options.onStep ?? (() => {});

  let next: PageRequest = { url: authorizationUrl };
  for (let count = 0; count < maxRequests; count += 1) {
    const url: URL = next.url;
    const form: URLSearchParams | undefined = next.form;
    const response = await fetch(url, {
      method: form === undefined ? 'GET' : 'POST',
      redirect: 'manual',
      headers: {
        accept: 'application/json',
        ...(form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
        ...cookieHeader(cookies, url),
      },
      ...(form === undefined ? {} : { body: form.toString() }),
    });
    storeCookies(cookies, url, response.headers.getSetCookie());

    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location !== null) {
      await response.body?.cancel();
      const target: URL = new URL(location, url);
      if (target.href.startsWith(options.redirectUri)) {
        return readAuthorizationResponse(target);
      }
      next = { url: target };
      continue;
    }

    if (response.status !== 200) {
      await response.body?.cancel();
      throw new UserAgentError(`the authorization server returned HTTP ${response.status} for ${url.pathname}`, response.status);
    }

    const page = (await response.json()) as { prompt?: unknown };
    if (page.prompt === 'login') {
      step(`signs in as ${JSON.stringify(options.username)}`);
      next = { url: new URL(`${url.pathname}/login`, url), form: new URLSearchParams({ username: options.username }) };
    } else if (page.prompt === 'consent') {
      step('grants consent');
      next = { url: new URL(`${url.pathname}/consent`, url), form: new URLSearchParams({ decision: 'approve' }) };
    } else {
      throw new UserAgentError(`the page at ${url.pathname} shows no sign-in or consent prompt`);
    }
  }

  throw new UserAgentError(`no redirect to the client after ${maxRequests} requests`);
}

function readAuthorizationResponse(redirect: URL): AuthorizationResponse {
  const error = redirect.searchParams.get('error');
  if (error !== null) {
    throw new UserAgentError(`the authorization server returned error ${JSON.stringify(error)} to the client`);
  }

  const code = redirect.searchParams.get('code');
  if (code === null || code === '') {
    throw new UserAgentError('the redirect to the client carries no authorization code');
  }
  return { code, state: redirect.searchParams.get('state') ?? undefined };
}

function storeCookies(cookies: Map<string, StoredCookie>, url: URL, setCookies: string[]): void {
  for (const line of setCookies) {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const separator = pair.indexOf('=');
    if (separator <= 0) {
      continue;
    }

    const name = pair.slice(0, separator);
    const value = pair.slice(separator + 1);
    const path = attributes.find((attribute) => attribute.toLowerCase().startsWith('path='))?.slice(5) || '/';
    const expired = attributes.some((attribute) => {
      const lower = attribute.toLowerCase();
      return lower === 'max-age=0' || (lower.startsWith('expires=') && Date.parse(attribute.slice(8)) <= Date.now());
    });

    const key = `${url.origin} ${path} ${name}`;
    if (expired || value === '') {
      cookies.delete(key);
    } else {
      cookies.set(key, { value: `${name}=${value}`, path, origin: url.origin });
    }
  }
}

function cookieHeader(cookies: Map<string, StoredCookie>, url: URL): Record<string, string> {
  const values = [...cookies.values()]
    .filter((cookie) => cookie.origin === url.origin && pathMatches(url.pathname, cookie.path))
    .map((cookie) => cookie.value);
  return values.length === 0 ? {} : { cookie: values.join('; ') };
}

/** RFC 6265 section 5.1.4 path matching. */
function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) {
    return true;
  }
  if (!requestPath.startsWith(cookiePath)) {
    return false;
  }
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}
