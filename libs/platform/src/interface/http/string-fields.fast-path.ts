import { createRequire } from 'node:module';
import { join } from 'node:path';
import { getMetadataStorage, isEmail, ValidationTypes } from 'class-validator';

/** The part of class-transformer's metadata storage read here (its package exports no types for it). */
interface TransformerMetadata {
  findTypeMetadata(target: object, property: string): unknown;
  findTransformMetadatas(target: object, property: string, transformationType: number): unknown[];
  getExposedMetadatas(target: object): unknown[];
  getExcludedMetadatas(target: object): unknown[];
}

// The instance ValidationPipe's class-transformer uses (both resolve the package's CommonJS entry).
const transformerMetadata = (): TransformerMetadata =>
  (
    createRequire(join(process.cwd(), 'package.json'))('class-transformer/cjs/storage.js') as {
      defaultMetadataStorage: TransformerMetadata;
    }
  ).defaultMetadataStorage;

const PLAIN_TO_CLASS = 0;
/** What validator.js's `isLength` counts differently from `String.length`: surrogate pairs and variation selectors. */
const COUNTED_APART = /[\ud800-\udfff\ufe0e\ufe0f]/;

interface StringField {
  optional: boolean;
  minLength: number;
  maxLength: number;
  /** `@IsEmail(options)`: checked with class-validator's own `isEmail` and those options. */
  email: false | { options: unknown };
}

export type StringFields = ReadonlyMap<string, StringField>;

/**
 * The rules of a DTO made only of string fields — `@IsString()` or `@IsEmail()`, `@MinLength`,
 * `@MaxLength`, `@IsOptional()`, nothing of class-transformer — or null for any other DTO. Read once
 * per class from the decorators' own metadata.
 */
export function stringFieldsOf(metatype: new () => object): StringFields | null {
  const rules = getMetadataStorage().getTargetValidationMetadatas(metatype, '', true, false, undefined);
  const fields = new Map<string, StringField & { isString: boolean }>();
  const field = (name: string) => {
    let found = fields.get(name);
    if (!found)
      fields.set(name, (found = { optional: false, minLength: 0, maxLength: Number.POSITIVE_INFINITY, email: false, isString: false }));
    return found;
  };
  for (const rule of rules) {
    if (rule.each || rule.always || (rule.groups?.length ?? 0) > 0 || rule.validationTypeOptions !== undefined) return null;
    const target = field(rule.propertyName);
    if (rule.type === ValidationTypes.CONDITIONAL_VALIDATION && rule.name === 'isOptional') target.optional = true;
    else if (rule.type !== ValidationTypes.CUSTOM_VALIDATION) return null;
    else if (rule.name === 'isString') target.isString = true;
    else if (rule.name === 'isEmail') target.email = { options: rule.constraints[0] };
    else if (rule.name === 'maxLength') target.maxLength = Math.min(target.maxLength, Number(rule.constraints[0]));
    else if (rule.name === 'minLength') target.minLength = Math.max(target.minLength, Number(rule.constraints[0]));
    else return null;
  }
  const transformer = transformerMetadata();
  if (transformer.getExposedMetadatas(metatype).length > 0 || transformer.getExcludedMetadatas(metatype).length > 0) return null;
  for (const [name, { isString, email }] of fields) {
    if ((!isString && !email) || transformer.findTypeMetadata(metatype, name) !== undefined) return null;
    if (transformer.findTransformMetadatas(metatype, name, PLAIN_TO_CLASS).length > 0) return null;
  }
  return fields.size > 0 && Object.getOwnPropertyNames(new metatype()).length === 0 ? fields : null;
}

/**
 * Whether class-validator would surely accept `value` under `fields` (with `whitelist` and
 * `forbidNonWhitelisted`): a plain object of known fields, each a string within its lengths, or
 * absent (null included) where optional. A false answer says nothing — the full validation decides.
 */
export function surelyValid(value: Record<string, unknown>, fields: StringFields): boolean {
  // A plain object's prototype is a root (Object.prototype, of whichever realm parsed it): no class, no getters.
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== null && Object.getPrototypeOf(prototype) !== null) return false;
  for (const key in value) if (!fields.has(key)) return false;
  for (const [name, { optional, minLength, maxLength, email }] of fields) {
    const field = value[name];
    if (field === undefined || field === null) {
      if (optional) continue;
      return false;
    }
    if (typeof field !== 'string' || field.length > maxLength) return false;
    if (field.length < minLength || (minLength > 0 && COUNTED_APART.test(field))) return false;
    if (email && !isEmail(field, email.options as Parameters<typeof isEmail>[1])) return false;
  }
  return true;
}
