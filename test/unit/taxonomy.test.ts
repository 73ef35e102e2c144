import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateAssociationsCsv } from '../../client/associations/association-csv';
import { renderTrainingDayReportHtml } from '../../client/report/render-report';
import { loadTaxonomy } from '../../client/taxonomy-file';
import { planTrainingDay } from '../../client/training-day-plan';
import { ValidationError } from '../../client/validation';
import { ConfigError } from '../../domain/config';
import { taxonomyId, TaxonomySchema, type Taxonomy } from '../../domain/taxonomy';
import { seedReport } from './report-fixtures';
import seed from '../../examples/safi-2018-11-23.json';

const HEADER = 'id,name,sector,province,email,preferred_language,contact_name,member_of_chamber';

/** A coastal deployment: a sector and a province the shipped taxonomy does not have. */
const COASTAL_FILE = join(__dirname, '..', 'fixtures', 'coastal-taxonomy.json');
const COASTAL: Taxonomy = loadTaxonomy(COASTAL_FILE);

/** The error `run` throws (undefined when it does not). */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("sectors and provinces are the deployment's data", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'multaqa-taxonomy-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ships the three sectors and the two provinces of the Safi day, labelled in ar/fr/en', () => {
    const shipped = loadTaxonomy();
    expect(shipped.sectors.map((sector) => sector.id)).toEqual(['trade', 'crafts', 'services']);
    expect(shipped.provinces.map((province) => province.id)).toEqual(['Safi', 'Youssoufia']);
    expect(shipped.sectors[1]!.labels).toEqual({
      ar: 'الصناعة التقليدية',
      fr: 'Artisanat',
      en: 'Crafts',
    });
  });

  it('finds an id from the id or any label, whatever the case', () => {
    expect(taxonomyId(COASTAL, 'sector', 'Pêche')).toBe('fishing');
    expect(taxonomyId(COASTAL, 'sector', ' FISHING ')).toBe('fishing');
    expect(taxonomyId(COASTAL, 'province', 'الصويرة')).toBe('Essaouira');
    expect(taxonomyId(COASTAL, 'province', 'safi')).toBe('Safi');
    expect(taxonomyId(COASTAL, 'sector', 'crafts')).toBeUndefined();
  });

  it("imports a CSV of the deployment's own sectors, and refuses the shipped ones it does not have", async () => {
    const csv = [
      HEADER,
      'pecheurs,Pêcheurs,Pêche,essaouira,pecheurs@example.org,fr,,yes',
      'potiers,Potiers,crafts,Safi,potiers@example.org,fr,,yes',
    ].join('\n');
    const coastal = await validateAssociationsCsv(csv, { taxonomy: COASTAL });
    expect(coastal.associations).toEqual([
      expect.objectContaining({ id: 'pecheurs', sector: 'fishing', province: 'Essaouira' }),
    ]);
    expect(coastal.problems).toEqual([
      expect.objectContaining({
        row: 3,
        field: 'sector',
        message: expect.stringMatching(/trade, fishing/),
      }),
    ]);
    const shipped = await validateAssociationsCsv(csv);
    expect(shipped.problems.map((problem) => `${problem.row}:${problem.field}`)).toEqual([
      '2:sector',
      '2:province',
    ]);
  });

  it("plans a day for the deployment's audience, with ids as the taxonomy spells them", () => {
    const input = { ...seed, audience: { provinces: ['essaouira'], sectors: ['fishing'] } };
    const plan = planTrainingDay(input, { taxonomy: COASTAL });
    expect(plan.definition.audience).toEqual({ provinces: ['Essaouira'], sectors: ['fishing'] });
    const refused = thrownBy(() => planTrainingDay(input));
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).problems.map((problem) => problem.field)).toEqual([
      'event.audience.provinces.0',
      'event.audience.sectors.0',
    ]);
  });

  it('reads a taxonomy file named by MULTAQA_TAXONOMY and refuses a bad one, naming each bad entry', () => {
    const withBom = join(dir, 'coastal.json');
    writeFileSync(withBom, `\uFEFF${JSON.stringify(COASTAL)}`);
    expect(loadTaxonomy(withBom)).toEqual(COASTAL);

    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        sectors: [
          { id: 'trade', labels: { ar: 'التجارة', fr: 'Commerce', en: 'Trade' } },
          { id: 'Trade', labels: { ar: 'التجارة', fr: 'Commerce', en: 'Trade' } },
          { id: 'fishing', labels: { fr: 'Pêche' } },
        ],
        provinces: [],
      }),
    );
    const caught = thrownBy(() => loadTaxonomy(bad));
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    expect(problems).toContain(`MULTAQA_TAXONOMY (${bad}): sectors.1.id`);
    expect(problems).toContain('sectors.2.labels.ar');
    expect(problems).toContain('provinces: name at least one province');
    expect(() => loadTaxonomy(join(dir, 'missing.json'))).toThrow(ConfigError);
  });

  it('refuses two entries whose ids differ only by case', () => {
    const result = TaxonomySchema.safeParse({
      sectors: COASTAL.sectors,
      provinces: [...COASTAL.provinces, { id: 'SAFI', labels: COASTAL.provinces[0]!.labels }],
    });
    expect(result.success).toBe(false);
  });

  it("labels the report's sectors and provinces from the taxonomy", () => {
    const report = seedReport();
    report.bySector = [{ segment: 'fishing', invited: 3, accepted: 2, attended: 2 }];
    report.byProvince = [{ segment: 'Essaouira', invited: 3, accepted: 2, attended: 2 }];
    const arabic = renderTrainingDayReportHtml(report, 'ar', COASTAL);
    expect(arabic).toContain('الصيد البحري');
    expect(arabic).toContain('الصويرة');
    expect(renderTrainingDayReportHtml(report, 'fr', COASTAL)).toContain('Pêche');
  });
});
