import { describe, expect, it } from 'vitest';
import { credentialsIn, gitEnvironment, scrub, tokenCredential, withoutCredentials } from '../../src/org/credentials.js';

describe('credentials', () => {
  it('takes credentials out of http URLs, keeps an ssh user, leaves paths alone', () => {
    expect(withoutCredentials('https://ada:s3cretToken@github.com/acme/api.git')).toBe('https://github.com/acme/api.git');
    expect(withoutCredentials('https://tok3nOnly@github.com/acme/api.git')).toBe('https://github.com/acme/api.git');
    expect(withoutCredentials('ssh://git@github.com/acme/api.git')).toBe('ssh://git@github.com/acme/api.git');
    expect(withoutCredentials('../repos/api')).toBe('../repos/api');
    expect(credentialsIn('https://ada:s3cret%40x@host/r.git')).toEqual({ username: 'ada', password: 's3cret@x' });
    expect(credentialsIn('ssh://git@host/r.git')).toBeUndefined();
  });

  it('sends a token to its origin only, by environment, never over plain http off this machine', () => {
    const credential = tokenCredential('github', 'https://github.com', 'ghp_token123')!;
    const env = gitEnvironment(credential);
    expect(env).toMatchObject({ GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.https://github.com/.extraHeader' });
    expect(Buffer.from(env.GIT_CONFIG_VALUE_0!.replace('Authorization: Basic ', ''), 'base64').toString()).toBe('x-access-token:ghp_token123');
    expect(tokenCredential('gitlab', 'http://gitlab.internal', 't')).toBeUndefined();
    expect(tokenCredential('gitlab', 'http://127.0.0.1:8080', 't')).toMatchObject({ username: 'oauth2' });
  });

  it('scrubs tokens and URL credentials from messages', () => {
    expect(scrub("fatal: could not read from 'https://x:tok3nValue@host/r.git': tok3nValue rejected", ['tok3nValue'])).toBe(
      "fatal: could not read from 'https://host/r.git': *** rejected",
    );
  });
});
