import { createReadStream, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { validateAssociationsCsv } from '../../client/associations/association-csv';

const EXAMPLE = resolve(__dirname, '..', '..', 'examples', 'associations.csv');
const HEADER = 'id,name,sector,province,email,preferred_language,contact_name,member_of_chamber';

describe('validating an associations CSV', () => {
  it('accepts the 40 example associations, streamed from the file', async () => {
    const result = await validateAssociationsCsv(createReadStream(EXAMPLE));
    expect(result.problems).toEqual([]);
    expect(result.rows).toBe(40);
    expect(result.associations).toHaveLength(40);
    expect(result.associations[0]).toMatchObject({
      id: 'tujjar-souk-safi',
      sector: 'trade',
      province: 'Safi',
      preferredLanguage: 'ar',
      memberOfChamber: true,
    });
  });

  it('reports every bad row with its line number and field, and keeps the good rows', async () => {
    const csv = [
      HEADER,
      'good-one,Association A,trade,Safi,a@example.org,fr,,yes',
      'Bad Id,Association B,trade,Safi,b@example.org,fr,,yes',
      'third,Association C,farming,Safi,not-an-email,de,,maybe',
      'good-one,Association D,crafts,Safi,d@example.org,ar,,no',
      'short,row',
    ].join('\n');
    const result = await validateAssociationsCsv(csv);
    expect(result.rows).toBe(5);
    expect(result.associations.map((association) => association.id)).toEqual(['good-one']);
    expect(result.invalidRows).toBe(4);
    const where = result.problems.map((problem) => `${problem.row}:${problem.field}`);
    expect(where).toEqual([
      '3:id',
      '4:sector',
      '4:email',
      '4:preferred_language',
      '4:member_of_chamber',
      '5:id',
      '6:(row)',
    ]);
    expect(result.problems.find((problem) => problem.row === 5)?.message).toMatch(/line 2/);
  });

  it('refuses a header with a missing or unknown column, on line 1', async () => {
    const result = await validateAssociationsCsv(
      'id,name,sectr,province,email\nx,y,trade,Safi,x@example.org\n',
    );
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 1, field: 'sector' }),
        expect.objectContaining({ row: 1, field: 'preferred_language' }),
        expect.objectContaining({ row: 1, field: 'sectr' }),
      ]),
    );
    expect(result.associations).toEqual([]);
  });

  it('reports broken CSV syntax as a problem of the file, not a crash', async () => {
    const result = await validateAssociationsCsv(
      `${HEADER}\n"unclosed,Association,trade,Safi,a@example.org,fr,,yes\n`,
    );
    expect(result.problems).toEqual([expect.objectContaining({ field: '(file)' })]);
  });

  it('reports an empty file', async () => {
    const result = await validateAssociationsCsv(Readable.from(['']));
    expect(result.problems).toEqual([{ row: 1, field: '(file)', message: 'the file is empty' }]);
  });

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
  ])('reads a byte-order mark and %s line ends alike', async (_name, lineEnd) => {
    const text = `\ufeff${readFileSync(EXAMPLE, 'utf8').replace(/\r?\n/g, lineEnd)}`;
    const result = await validateAssociationsCsv(text);
    expect(result.problems).toEqual([]);
    expect(result.associations).toHaveLength(40);
    expect(result.associations[39]?.id).toBeDefined();
  });

  it('reports progress while reading a large file', async () => {
    const lines = [HEADER];
    for (let index = 0; index < 2500; index += 1)
      lines.push(`assoc-${index},Association ${index},trade,Safi,a${index}@example.org,fr,,yes`);
    const seen: number[] = [];
    const result = await validateAssociationsCsv(Readable.from([lines.join('\n')]), {
      onProgress: (progress) => seen.push(progress.rows),
    });
    expect(result.associations).toHaveLength(2500);
    expect(seen).toEqual([500, 1000, 1500, 2000, 2500, 2500]);
  });
});
