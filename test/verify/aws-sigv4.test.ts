import { describe, expect, it } from 'vitest';
import { awsSigV4Headers } from '../../src/verify/aws-sigv4.js';

describe('AWS Signature Version 4', () => {
  it("signs AWS's published get-vanilla-query test case to the published signature", () => {
    // From the AWS SigV4 test suite (get-vanilla-query-order-key-case): documented credentials, not a leak.
    const headers = awsSigV4Headers({
      method: 'GET',
      url: new URL('https://example.amazonaws.com/?Param2=value2&Param1=value1'),
      keyId: 'AKIDEXAMPLE',
      secretKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      region: 'us-east-1',
      service: 'service',
      now: new Date('2015-08-30T12:36:00Z'),
    });
    expect(headers['x-amz-date']).toBe('20150830T123600Z');
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500',
    );
  });
});
