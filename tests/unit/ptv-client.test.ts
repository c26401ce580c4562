import { afterEach, describe, expect, it } from 'vitest';
import { backoffDelay } from '@/workbench/src/ptv/client/http';
import { PtvSourceError } from '@/workbench/src/ptv/client/source';
import { createPtvV11Source } from '@/workbench/src/ptv/client/v11';
import { collectMunicipalityServices } from '@/workbench/src/ptv/collect';
import { startFakePtv, type FakePtvServer } from '@/workbench/src/ptv/fake-server';
import { FIXTURES, ids, noWait } from '../workbench/ptv-helpers';

let server: FakePtvServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('PTV v11 client against the fake PTV server', () => {
  it('reads every page of a municipality, to the last one', async () => {
    server = await startFakePtv(FIXTURES);
    const source = createPtvV11Source({ baseUrl: server.baseUrl, ...noWait });
    const services = await source.listMunicipalityServices('092');
    expect(services.map((service) => service.id)).toEqual([ids.trilingual, ids.municipal, ids.bothMunicipalities, ids.nulls]);
    expect(server.requests).toEqual(['/api/v11/Service/list/area/Municipality/code/092?page=1', '/api/v11/Service/list/area/Municipality/code/092?page=2']);
  });

  it('takes itemList: null and pageCount 0 as no services', async () => {
    server = await startFakePtv(FIXTURES);
    const source = createPtvV11Source({ baseUrl: server.baseUrl, ...noWait });
    expect(await source.listMunicipalityServices('235')).toEqual([]);
  });

  it('tolerates value: null texts and null lists', async () => {
    server = await startFakePtv(FIXTURES);
    const source = createPtvV11Source({ baseUrl: server.baseUrl, ...noWait });
    const [service] = await source.getServices([ids.nulls]);
    expect(service?.serviceNames).toEqual([{ language: 'fi', value: 'Ruoka-apu', type: 'Name' }]);
    expect(service?.serviceChannels).toEqual([]);
    expect(service?.areas).toEqual([]);
    expect(service?.serviceClasses).toEqual([]);
  });

  it('retries a 504 HTML answer with backoff, then succeeds', async () => {
    server = await startFakePtv(FIXTURES, { failures: [{ match: 'code/245', status: 504, times: 1 }] });
    const waits: number[] = [];
    const source = createPtvV11Source({ baseUrl: server.baseUrl, sleep: async (ms) => void waits.push(ms), random: () => 0.5, baseDelayMs: 400 });
    const services = await source.listMunicipalityServices('245');
    expect(services.map((service) => service.id)).toEqual([ids.bothMunicipalities, ids.crisisLine]);
    expect(server.requests.filter((path) => path.includes('code/245'))).toHaveLength(2);
    expect(waits).toEqual([200]);
  });

  it('backs off exponentially with jitter, and gives up after the retries on 503', async () => {
    server = await startFakePtv(FIXTURES, { failures: [{ match: 'Organization/list', status: 503, times: 10 }] });
    const waits: number[] = [];
    const source = createPtvV11Source({ baseUrl: server.baseUrl, retries: 3, baseDelayMs: 100, sleep: async (ms) => void waits.push(ms), random: () => 1 });
    await expect(source.getOrganisations(['x'])).rejects.toThrow(/after 4 tries \(last: HTTP 503\)/);
    expect(waits).toEqual([100, 200, 400]);
    expect(backoffDelay(2, { baseDelayMs: 100, random: () => 0.25 })).toBe(100);
    expect(backoffDelay(20, { baseDelayMs: 100, maxDelayMs: 5000, random: () => 1 })).toBe(5000);
  });

  it('times out a hung request and retries it', async () => {
    server = await startFakePtv(FIXTURES, { hang: ['ServiceChannel/list'] });
    const source = createPtvV11Source({ baseUrl: server.baseUrl, timeoutMs: 150, retries: 1, ...noWait });
    const started = Date.now();
    await expect(source.getChannels(['7e2d9c40-1f3a-4b6e-8d21-5a9b0c3e8001'])).rejects.toThrow(/no answer within 150 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(server.requests.filter((path) => path.includes('ServiceChannel/list'))).toHaveLength(2);
  });

  it('does not retry a 404 and names the URL', async () => {
    server = await startFakePtv(FIXTURES);
    const source = createPtvV11Source({ baseUrl: `${server.baseUrl}/nothing`, ...noWait });
    const error = await source.getServices(['a']).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PtvSourceError);
    expect((error as PtvSourceError).status).toBe(404);
    expect(server.requests).toHaveLength(1);
  });

  it('collects a service listed in two municipalities once, with its channels and organisations', async () => {
    server = await startFakePtv(FIXTURES);
    const collected = await collectMunicipalityServices(createPtvV11Source({ baseUrl: server.baseUrl, ...noWait }), ['092', '245']);
    expect(collected.map((item) => item.service.id)).toEqual([ids.trilingual, ids.municipal, ids.bothMunicipalities, ids.nulls, ids.crisisLine]);
    const both = collected.find((item) => item.service.id === ids.bothMunicipalities)!;
    expect(both.listedIn).toEqual(['092', '245']);
    expect(both.channels.map((channel) => channel.serviceChannelType)).toEqual(['EChannel', 'ServiceLocation']);
    // One ?guids= request each for channels and organisations.
    expect(server.requests.filter((path) => path.includes('/list?guids='))).toHaveLength(2);
  });
});
