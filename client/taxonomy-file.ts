import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, type Config } from '../domain/config';
import { TaxonomySchema, type Taxonomy } from '../domain/taxonomy';

/** The shipped sectors and provinces, found from the sources and from `dist/`. */
export function defaultTaxonomyPath(): string {
  const candidates = [
    resolve(__dirname, '..', 'config', 'taxonomy.json'),
    resolve(__dirname, '..', '..', 'config', 'taxonomy.json'),
  ];
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0]!;
}

const loaded = new Map<string, Taxonomy>();

/**
 * Reads and validates a taxonomy file, once per path; a missing, unreadable or invalid file is
 * a `ConfigError` naming `MULTAQA_TAXONOMY`, the file and every bad entry.
 */
export function loadTaxonomy(path: string = defaultTaxonomyPath()): Taxonomy {
  const absolute = resolve(path);
  const known = loaded.get(absolute);
  if (known) return known;
  const problem = (message: string) =>
    new ConfigError([`MULTAQA_TAXONOMY (${absolute}): ${message}`]);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(absolute, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw problem((error as Error).message);
  }
  const result = TaxonomySchema.safeParse(data);
  if (!result.success)
    throw new ConfigError(
      result.error.issues.map(
        (issue) => `MULTAQA_TAXONOMY (${absolute}): ${issue.path.join('.')}: ${issue.message}`,
      ),
    );
  const taxonomy = Object.freeze(result.data);
  loaded.set(absolute, taxonomy);
  return taxonomy;
}

/** The taxonomy a process runs with: `MULTAQA_TAXONOMY`'s file, else the shipped one. */
export function taxonomyOf(config: Pick<Config, 'MULTAQA_TAXONOMY'>): Taxonomy {
  return loadTaxonomy(config.MULTAQA_TAXONOMY);
}
