/** The operations of the API's own OpenAPI document: the robustness suite covers every one. */
export interface JsonSchema {
  type?: string;
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  $ref?: string;
  enum?: unknown[];
  items?: JsonSchema;
  minimum?: number;
}

export interface Operation {
  method: 'get' | 'post' | 'put' | 'delete' | 'patch';
  path: string;
  body?: JsonSchema;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

function resolve(schema: JsonSchema | undefined, document: OpenApiDocument): JsonSchema | undefined {
  if (!schema?.$ref) return schema;
  return document.components?.schemas?.[schema.$ref.split('/').pop() ?? ''];
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'delete', 'patch'].includes(method))
      .map(([method, operation]) => ({
        method: method as Operation['method'],
        path,
        body: resolve(operation.requestBody?.content?.['application/json']?.schema, document),
      })),
  );
}

/** A body of the right shape with placeholder values: the base that the generators break. */
export function placeholderBody(schema: JsonSchema | undefined): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema?.properties ?? {})) {
    if (property.enum?.length) body[name] = property.enum[0];
    else if (property.type === 'boolean') body[name] = false;
    else if (property.type === 'integer' || property.type === 'number') body[name] = property.minimum ?? 1;
    else if (property.type === 'array') body[name] = [];
    else if (property.type === 'object') body[name] = {};
    else if (property.format === 'email' || /email/i.test(name)) body[name] = 'someone@example.com';
    else body[name] = 'placeholder-value';
  }
  return body;
}

/** Values of the wrong JSON type for the property (null only where the field is required: an optional null means absent). */
export function wrongTypeValues(property: JsonSchema, required: boolean): unknown[] {
  const nullIfRequired = required ? [null] : [];
  switch (property.type) {
    case 'boolean':
      return ['true', 1, [], {}, ...nullIfRequired];
    case 'integer':
    case 'number':
      return ['7', true, [], { n: 1 }, 1.5e300, ...nullIfRequired];
    case 'array':
      return ['a', 1, {}, ...nullIfRequired];
    default:
      return [42, true, ['a'], { nested: 'x' }, ...nullIfRequired];
  }
}
