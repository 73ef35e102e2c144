import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTE_DECLARATIONS } from '../../domain/search-attributes';

const TYPES: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  Keyword: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Datetime: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  Text: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  Int: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT,
};

/**
 * Registers multaqa's search attributes on the server where missing. A persisted dev server
 * only takes `--search-attribute` on its first start, and an existing server never did.
 */
export async function ensureSearchAttributes(client: Client, namespace: string): Promise<string[]> {
  const existing = await client.connection.operatorService.listSearchAttributes({ namespace });
  const known = new Set(Object.keys(existing.customAttributes ?? {}));
  const missing: Record<string, temporal.api.enums.v1.IndexedValueType> = {};
  for (const declaration of SEARCH_ATTRIBUTE_DECLARATIONS) {
    const [name, type] = declaration.split('=') as [string, string];
    if (!known.has(name)) missing[name] = TYPES[type]!;
  }
  if (Object.keys(missing).length > 0) {
    await client.connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: missing,
    });
  }
  return Object.keys(missing);
}
