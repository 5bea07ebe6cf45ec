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
    // A NUL character is no text a person types; PostgreSQL refuses to store it (SQLite would keep it),
    // so it is refused here on both engines, naming the field, before anything is written.
    const nul = result.success ? pathOfNul(result.data) : null;
    if (nul !== null) throw new AppError('validation_failed', { fields: { [nul || '_']: NUL_MESSAGE } });
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

const NUL_MESSAGE = 'Texto com um caractere inválido (NUL).';

/** Where a string holding U+0000 is in validated input ('' at the top), or null. */
function pathOfNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = pathOfNul(value[i], path ? `${path}.${i}` : String(i));
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = pathOfNul(item, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  }
  return null;
}
