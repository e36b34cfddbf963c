import { createHash, createHmac } from 'node:crypto';

/** RFC 3986 encoding, as AWS canonical requests want it (encodeURIComponent leaves !'()* alone). */
function awsEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest();

export interface AwsSignInput {
  method: string;
  url: URL;
  keyId: string;
  secretKey: string;
  region: string;
  service: string;
  now?: Date;
}

/**
 * The headers that sign a body-less request with AWS Signature Version 4 (for STS GetCallerIdentity, which answers
 * who the key belongs to and changes nothing). The signature covers the host the rule names, so a stand-in server
 * sees the same request AWS would.
 */
export function awsSigV4Headers(input: AwsSignInput): Record<string, string> {
  const amzDate = (input.now ?? new Date()).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const dateStamp = amzDate.slice(0, 8);
  const query = [...input.url.searchParams.entries()]
    .map(([name, value]) => [awsEncode(name), awsEncode(value)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const host = input.url.host;
  const signedHeaders = 'host;x-amz-date';
  const canonicalRequest = [input.method, input.url.pathname || '/', query, `host:${host}\nx-amz-date:${amzDate}\n`, signedHeaders, sha256('')].join('\n');
  const scope = `${dateStamp}/${input.region}/${input.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${input.secretKey}`, dateStamp), input.region), input.service), 'aws4_request');
  const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  return {
    host,
    'x-amz-date': amzDate,
    authorization: `AWS4-HMAC-SHA256 Credential=${input.keyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
