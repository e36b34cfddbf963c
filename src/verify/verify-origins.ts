/**
 * `KEYWARD_VERIFY_ORIGINS`: where verification requests go instead of the vendors' origins, for tests and air-gapped
 * stand-ins. A JSON object mapping an origin (`https://api.github.com`), or `"*"`, to the origin that receives the
 * request (`http://127.0.0.1:8080`). Read from the environment only — never from a config file — so a pull request
 * cannot send the keys it finds to a server of its own. With it, plain http to a loopback address is allowed.
 */
export type OriginMap = ReadonlyMap<string, string>;

export class VerifyOriginsError extends Error {
  override name = 'VerifyOriginsError';
}

export function verifyOriginsFromEnv(env: NodeJS.ProcessEnv = process.env): OriginMap {
  const text = env.KEYWARD_VERIFY_ORIGINS;
  if (!text) return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new VerifyOriginsError('KEYWARD_VERIFY_ORIGINS is not JSON: it maps origins (or "*") to stand-in origins');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new VerifyOriginsError('KEYWARD_VERIFY_ORIGINS must be a JSON object of origins, such as {"*":"http://127.0.0.1:8080"}');
  }
  const map = new Map<string, string>();
  for (const [from, to] of Object.entries(parsed)) {
    if (typeof to !== 'string' || !isOrigin(to) || (from !== '*' && !isOrigin(from))) {
      throw new VerifyOriginsError(`KEYWARD_VERIFY_ORIGINS: "${from}" must map to an origin such as http://127.0.0.1:8080`);
    }
    map.set(from === '*' ? '*' : new URL(from).origin, new URL(to).origin);
  }
  return map;
}

function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && (url.pathname === '/' || url.pathname === '');
  } catch {
    return false;
  }
}

/** The URL a request is sent to, and whether it was redirected to a stand-in (which may be plain http on loopback). */
export function routed(url: URL, origins: OriginMap): { url: URL; standIn: boolean } {
  const to = origins.get(url.origin) ?? origins.get('*');
  if (!to) return { url, standIn: false };
  return { url: new URL(`${url.pathname}${url.search}`, to), standIn: true };
}
