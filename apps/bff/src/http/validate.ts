import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { AppError } from './app-error.js';

/**
 * zod validation at the edge: a bad body or query is refused with `validation_failed` and one pt-BR
 * message per field, before any handler runs.
 */
export function validate<Target extends keyof ValidationTargets, Schema extends ZodType>(target: Target, schema: Schema) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const fields: Record<string, string> = {};
      for (const issue of result.error.issues) {
        const key = issue.path.join('.') || '_';
        fields[key] ??= issue.code === 'unrecognized_keys' ? 'Campo desconhecido.' : issue.message;
      }
      throw new AppError('validation_failed', { fields });
    }
  });
}
