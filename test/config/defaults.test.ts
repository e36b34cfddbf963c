import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/defaults.js';
import { configSchema } from '../../src/config/schema.js';

describe('defaultConfig', () => {
  it('is what the schema gives for an empty config file', () => {
    expect(defaultConfig()).toEqual(configSchema.parse({}));
  });
});
