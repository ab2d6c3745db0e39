import { type ArgumentMetadata, Injectable, ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidationFailedError } from '#libs/building-blocks';
import { type StringFields, stringFieldsOf, surelyValid } from './string-fields.fast-path.js';

function flatten(errors: ValidationError[], parent = ''): Array<{ field: string; message: string }> {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

// NUL cannot be stored in PostgreSQL text, and a lone surrogate is not Unicode text at all.
const NOT_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Names of object machinery (`constructor`, `toString`, `__proto__`, …), which no DTO declares and
 * class-transformer passes over without copying, so `forbidNonWhitelisted` never saw them
 * (`{"token": "…", "prototype": "x"}` was accepted).
 */
const isObjectMachinery = (key: string): boolean => key === 'prototype' || key in Object.prototype;

const NOT_TEXT_MESSAGE = 'must be valid Unicode text without NUL characters';

interface Defect {
  field: string;
  message: string;
}

/** The first string or key in `value` that is not valid text, or a key that names object machinery. */
function defectAt(value: unknown, path: string, depth = 0): Defect | undefined {
  if (typeof value === 'string') return NOT_TEXT.test(value) ? { field: path || '(body)', message: NOT_TEXT_MESSAGE } : undefined;
  if (typeof value !== 'object' || value === null || depth > 32) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const itemPath = path ? `${path}.${key}` : key;
    if (NOT_TEXT.test(key)) return { field: itemPath, message: NOT_TEXT_MESSAGE };
    if (isObjectMachinery(key)) return { field: itemPath, message: `property ${key} should not exist` };
    const found = defectAt(item, itemPath, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Global validation: unknown fields are rejected, and a body that is not a JSON object
 * (null, an array, a string) is a validation failure rather than an empty DTO.
 */
@Injectable()
export class StrictValidationPipe extends ValidationPipe {
  /** Per DTO class: its string-field rules when the fast path applies (see string-fields.fast-path.ts), else null. */
  private readonly fastPaths = new Map<unknown, StringFields | null>();

  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new ValidationFailedError('The request is not valid.', flatten(errors)),
    });
  }

  /**
   * A body of a few strings (a token, a refresh token) is the common case on the busiest routes, and
   * class-validator's metadata lookup and rule walk were a tenth of such a request's CPU.
   */
  protected stringFields(metatype: ArgumentMetadata['metatype']): StringFields | null {
    if (typeof metatype !== 'function' || (metatype as unknown) === Object) return null;
    let fields = this.fastPaths.get(metatype);
    if (fields === undefined) this.fastPaths.set(metatype, (fields = stringFieldsOf(metatype as new () => object)));
    return fields;
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // A custom decorator's value (the principal, the request's origin, a stream's caller) is made by the
    // server: ValidationPipe passes it through as is, and nothing in it can fail the text check — the
    // user agent in the origin comes from a header, where Node's parser already refuses NUL and control
    // characters, and decodes bytes (no lone surrogates). Walking it cost every authenticated request a
    // microsecond.
    if (metadata.type === 'custom') return value;
    if (metadata.type === 'body' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw new ValidationFailedError('The request body must be a JSON object.', [{ field: '(body)', message: 'must be a JSON object' }]);
    }
    const defect = defectAt(value, metadata.type === 'body' ? '' : (metadata.data ?? metadata.type));
    if (defect !== undefined) throw new ValidationFailedError('The request is not valid.', [defect]);
    const fields = metadata.type === 'body' ? this.stringFields(metadata.metatype) : null;
    // What class-validator would surely accept becomes the DTO at once, as class-transformer makes it
    // (a new instance with the body's fields); anything else, errors included, takes the full way.
    if (fields && surelyValid(value as Record<string, unknown>, fields))
      return Object.assign(new (metadata.metatype as new () => object)(), value);
    return super.transform(value, metadata);
  }
}
