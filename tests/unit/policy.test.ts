import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicy, policyFields } from '@/utils/policy/schema';
import { ROOT } from './helpers';

describe('enterprise policy', () => {
  it('keeps good fields and drops a bad one with its reason', () => {
    const reading = parsePolicy({
      feedUrl: 'https://feed.example.fi/catalogue.json',
      refreshIntervalHours: 0,
      homeSites: ['tikkurila-terveysasema'],
      unknownKey: true,
    });
    expect(reading.policy).toEqual({ feedUrl: 'https://feed.example.fi/catalogue.json', homeSites: ['tikkurila-terveysasema'] });
    expect(reading.problems).toHaveLength(1);
    expect(reading.problems[0]).toMatch(/^refreshIntervalHours: /);
  });

  it('treats no policy as an empty one and a non-object as a problem', () => {
    expect(parsePolicy(undefined)).toEqual({ policy: {}, problems: [] });
    expect(parsePolicy({})).toEqual({ policy: {}, problems: [] });
    expect(parsePolicy('feedUrl=x').problems).toEqual(['policy: not an object']);
  });

  it('refuses non-web URLs', () => {
    expect(parsePolicy({ reportUrl: 'javascript:alert(1)' }).policy).toEqual({});
    expect(parsePolicy({ feedUrl: 'file:///etc/passwd' }).policy).toEqual({});
  });

  it('documents exactly the keys it reads in managed_schema.json', () => {
    const schema = JSON.parse(readFileSync(resolve(ROOT, 'public/managed_schema.json'), 'utf8')) as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(policyFields).sort());
  });
});
