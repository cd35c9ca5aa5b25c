import { z } from 'zod';
import { contractSchema } from '../contract/schema.js';
import { tollgateConfigSchema } from './schema.js';

/**
 * The JSON Schemas we ship for editors, generated from the same zod schemas
 * that validate the files (input shape: what a person writes).
 */
export function jsonSchemas(): Record<string, object> {
  return {
    'contract.schema.json': {
      ...z.toJSONSchema(contractSchema, { io: 'input', unrepresentable: 'any' }),
      $id: 'https://tollgate.dev/schemas/contract.schema.json',
      title: 'Tollgate data contract',
    },
    'tollgate.schema.json': {
      ...z.toJSONSchema(tollgateConfigSchema, { io: 'input', unrepresentable: 'any' }),
      $id: 'https://tollgate.dev/schemas/tollgate.schema.json',
      title: 'Tollgate configuration (.github/tollgate.yml)',
    },
  };
}
