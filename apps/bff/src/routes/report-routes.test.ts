import { DEMO_ACCOUNTS } from '@atende/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

let t: EngineTestApp;
beforeEach(async () => {
  t = await createEngineTestApp();
});
afterEach(() => t.dispose());

describe('reports', () => {
  it('ratings, agents and volume for a period in the company calendar', async () => {
    const ana = await t.signIn(DEMO_ACCOUNTS.agent);
    const r = await t.request('GET', '/api/agent/reports?from=2026-10-01&to=2026-11-23', { cookie: ana });
    expect(r.status).toBe(200);
    expect(r.json.ratings.total).toBeGreaterThan(0);
    expect(r.json.ratings.distribution).toHaveLength(5);
    expect(r.json.volume.total).toBe(35); // every demo ticket was created within the period
    expect(r.json.volume.byDepartment.map((d: { name: string }) => d.name)).toEqual(expect.arrayContaining(['Suporte técnico', 'Financeiro', 'Instalação']));
    expect(r.json.agents.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['Ana Atendente', 'Bruno Técnico']));
    const empty = await t.request('GET', '/api/agent/reports?from=2020-01-01&to=2020-01-31', { cookie: ana });
    expect(empty.json.volume.total).toBe(0);
  });

  it('exports CSV that Excel in pt-BR opens as columns; a bad period is refused', async () => {
    const ana = await t.signIn(DEMO_ACCOUNTS.agent);
    const csv = await t.request('GET', '/api/agent/reports/export?from=2026-10-01&to=2026-11-23&report=volume', { cookie: ana });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    // The bytes start with the UTF-8 BOM (text decoding would hide it).
    const raw = new Uint8Array(await (await t.app.request('/api/agent/reports/export?from=2026-10-01&to=2026-11-23&report=volume', { headers: { cookie: ana } })).arrayBuffer());
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Tipo;Nome;Chamados');
    expect(csv.text).toContain('Departamento;Suporte técnico;');
    // Ratings: the distribution and the weekly trend, decimals with a comma.
    const ratings = (await t.request('GET', '/api/agent/reports/export?from=2026-10-01&to=2026-11-23&report=ratings', { cookie: ana })).text.replace(/^\uFEFF/, '').split('\r\n');
    expect(ratings[0]).toBe('Tipo;Nota ou semana (segunda-feira);Avaliações;Nota média');
    expect(ratings.filter((line) => line.startsWith('Distribuição;'))).toHaveLength(5);
    expect(ratings.find((line) => line.startsWith('Distribuição;1 estrela;'))).toMatch(/^Distribuição;1 estrela;\d+;$/);
    expect(ratings.some((line) => /^Semana;\d{4}-\d{2}-\d{2};\d+;(\d+(,\d+)?)?$/.test(line))).toBe(true);
    const bad = await t.request('GET', '/api/agent/reports?from=2026-11-30&to=2026-11-01', { cookie: ana });
    expect(bad.status).toBe(400);
    const carla = await t.signIn(DEMO_ACCOUNTS.contact);
    expect((await t.request('GET', '/api/agent/reports?from=2026-11-01&to=2026-11-30', { cookie: carla })).status).toBe(403);
  });
});
