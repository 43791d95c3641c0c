import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createErrandFixture, type ErrandFixture } from '../../testing/errand-fixture.ts';
import { DIALECTS } from '../../testing/test-databases.ts';

// Unit search as people type: case and diacritics do not matter, and the municipality and the
// postcode (with or without its space) find a unit too; on both databases.
describe.each(DIALECTS)('unit search on %s', (dialect) => {
  let f: ErrandFixture;
  let citizen: Client;

  beforeAll(async () => {
    f = await createErrandFixture(dialect);
    citizen = await f.citizen(f.personas.citizens.adult.personnummer);
  });
  afterAll(async () => f.close());

  const names = async (q: string): Promise<string[]> => {
    const response = await citizen.get(`/api/citizen/unit-search?q=${encodeURIComponent(q)}`);
    expect(response.statusCode).toBe(200);
    return response.json().items.map((unit: { name: string }) => unit.name);
  };

  it('folds case and diacritics in the query and the units', async () => {
    for (const q of ['solglantan', 'SOLGLÄNTAN', 'Solgläntan', 'solgla\u0308ntan']) {
      expect(await names(q)).toEqual(['Barnavårdscentralen Solgläntan', 'Vårdcentralen Solgläntan']);
    }
    expect(await names('vardcentral solglantan')).toEqual(['Vårdcentralen Solgläntan']);
    expect(await names('VARDCENTRALEN havsornen')).toEqual(['Vårdcentralen Havsörnen']);
  });

  it('finds units by municipality and by postcode, with or without the space', async () => {
    expect(await names('enkoping kastanjegarden')).toEqual(['Vårdcentralen Kastanjegården']);
    expect(await names('Huddinge')).toEqual(
      expect.arrayContaining(['BUP Vitsippan', 'Psykiatriska mottagningen Kvarnbäcken']),
    );
    for (const q of ['12352', '123 52']) {
      expect(await names(q)).toEqual(['Barnavårdscentralen Solgläntan', 'Vårdcentralen Solgläntan']);
    }
    expect(await names('12352 vardcentralen solglantan')).toEqual(['Vårdcentralen Solgläntan']);
  });

  it('treats LIKE wildcards in the query as nothing', async () => {
    expect(await names('%')).toEqual(await names('%%'));
    expect(await names('solgl_ntan')).toEqual([]);
  });
});
