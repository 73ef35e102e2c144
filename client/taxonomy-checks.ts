import {
  taxonomyId,
  unknownTaxonomyValue,
  type Taxonomy,
  type TaxonomyKind,
} from '../domain/taxonomy';
import { ValidationError } from './validation';

type Problem = { field: string; message: string };

function idOrProblem(
  taxonomy: Taxonomy,
  kind: TaxonomyKind,
  value: string,
  field: string,
): string | Problem {
  return (
    taxonomyId(taxonomy, kind, value) ?? {
      field,
      message: `"${value}": ${unknownTaxonomyValue(taxonomy, kind)}`,
    }
  );
}

/** `value` as the taxonomy's id (`safi` becomes `Safi`), or a `ValidationError` naming `field`. */
export function checkTaxonomyValue(
  taxonomy: Taxonomy,
  kind: TaxonomyKind,
  value: string,
  field: string,
): string {
  const found = idOrProblem(taxonomy, kind, value, field);
  if (typeof found !== 'string') throw new ValidationError([found]);
  return found;
}

/** Each value as the taxonomy's id, or a `ValidationError` naming `field.index` of each unknown one. */
export function checkAgainstTaxonomy(
  taxonomy: Taxonomy,
  kind: TaxonomyKind,
  values: readonly string[],
  field: string,
): string[] {
  const found = values.map((value, index) =>
    idOrProblem(taxonomy, kind, value, `${field}.${index}`),
  );
  const problems = found.filter((entry): entry is Problem => typeof entry !== 'string');
  if (problems.length > 0) throw new ValidationError(problems);
  return [...new Set(found as string[])];
}

/** A day's audience with the taxonomy's ids; every unknown province and sector named at once. */
export function checkAudience(
  taxonomy: Taxonomy,
  audience: { provinces: readonly string[]; sectors: readonly string[] },
  field: string,
): { provinces: string[]; sectors: string[] } {
  const problems: Problem[] = [];
  const checked = (kind: TaxonomyKind, values: readonly string[], name: string) => {
    try {
      return checkAgainstTaxonomy(taxonomy, kind, values, `${field}.${name}`);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      problems.push(...error.problems);
      return [];
    }
  };
  const provinces = checked('province', audience.provinces, 'provinces');
  const sectors = checked('sector', audience.sectors, 'sectors');
  if (problems.length > 0) throw new ValidationError(problems);
  return { provinces, sectors };
}
