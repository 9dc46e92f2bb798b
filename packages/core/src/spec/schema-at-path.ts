import { z } from 'zod';
import { isMapping, valueAt } from './spec-path.js';

/**
 * The schemas that govern `path` in `input`, outermost first: the schema reached by following
 * the path, then what it wraps (optional, default, pipe). Empty when the path leaves the schema.
 * Discriminated unions follow the option the input's discriminator selects; other unions, the
 * first option the rest of the path fits.
 */
export function schemasAtPath(schema: z.ZodType, path: readonly PropertyKey[], input: unknown): z.ZodType[] {
  const chain = unwrap(schema);
  const [head, ...rest] = path;
  if (head === undefined) return chain;
  const child = valueAt(input, [head]);
  for (const current of chain) {
    if (current instanceof z.ZodObject) {
      const field = (current.shape as Record<string, z.ZodType>)[String(head)];
      return field ? schemasAtPath(field, rest, child) : [];
    }
    if (current instanceof z.ZodRecord) return schemasAtPath(current.valueType as z.ZodType, rest, child);
    if (current instanceof z.ZodArray) return schemasAtPath(current.element as z.ZodType, rest, child);
    if (current instanceof z.ZodTuple) {
      const item = typeof head === 'number' ? current.def.items[head] : undefined;
      return item ? schemasAtPath(item as z.ZodType, rest, child) : [];
    }
    if (current instanceof z.ZodUnion) {
      for (const option of unionOptions(current, input)) {
        const found = schemasAtPath(option, path, input);
        if (found.length > 0) return found;
      }
      return [];
    }
  }
  return [];
}

/** The keys an object schema at the end of `path` allows (for "unknown key" hints). */
export function allowedKeysAtPath(schema: z.ZodType, path: readonly PropertyKey[], input: unknown): string[] {
  for (const current of schemasAtPath(schema, path, input)) {
    if (current instanceof z.ZodObject) return Object.keys(current.shape);
    // A union of objects (sampler, pruner): the option the input selects.
    if (current instanceof z.ZodUnion) {
      for (const option of unionOptions(current, valueAt(input, path))) if (option instanceof z.ZodObject) return Object.keys(option.shape);
    }
  }
  return [];
}

/** The schema and the schemas it wraps, outermost first. */
function unwrap(schema: z.ZodType): z.ZodType[] {
  const chain: z.ZodType[] = [schema];
  for (let current: z.ZodType | undefined = schema; current;) {
    current =
      current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable
        ? (current.unwrap() as z.ZodType)
        : current instanceof z.ZodPipe
          ? (current.in as z.ZodType)
          : undefined;
    if (current) chain.push(current);
  }
  return chain;
}

/** For a discriminated union, the option `input` selects (if any); else every option. */
function unionOptions(union: z.ZodUnion, input: unknown): z.ZodType[] {
  const options = union.options as readonly z.ZodType[];
  if (!(union instanceof z.ZodDiscriminatedUnion)) return [...options];
  const key = union.def.discriminator;
  const tag = isMapping(input) ? input[key] : undefined;
  return options.filter((option) => {
    const literal = option instanceof z.ZodObject ? (option.shape as Record<string, z.ZodType>)[key] : undefined;
    return literal instanceof z.ZodLiteral && literal.values.has(tag as never);
  });
}
