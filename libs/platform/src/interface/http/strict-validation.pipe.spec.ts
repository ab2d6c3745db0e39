import { IsString } from 'class-validator';
import { ValidationFailedError } from '#libs/building-blocks';
import { StrictValidationPipe } from './strict-validation.pipe.js';

class ProbeDto {
  @IsString() name!: string;
}

const body = { type: 'body' as const, metatype: ProbeDto };

describe('StrictValidationPipe', () => {
  const pipe = new StrictValidationPipe();

  it.each([null, [], 'text', 42])('refuses a body that is not an object: %p', async (value) => {
    await expect(pipe.transform(value, body)).rejects.toBeInstanceOf(ValidationFailedError);
  });

  it('refuses unknown fields', async () => {
    await expect(pipe.transform({ name: 'a', extra: 1 }, body)).rejects.toBeInstanceOf(ValidationFailedError);
  });

  it.each(['prototype', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'refuses an unknown field named %s, however it is treated by class-transformer',
    async (key) => {
      const error = await pipe.transform(JSON.parse(`{"name": "a", "${key}": "x"}`), body).catch((e: ValidationFailedError) => e);
      expect(error).toBeInstanceOf(ValidationFailedError);
      expect((error as ValidationFailedError).extensions.errors).toEqual([{ field: key, message: `property ${key} should not exist` }]);
    },
  );

  it.each(['a\u0000b', '\ud800', 'x\udfffy'])('refuses a string that is not valid text (%j), naming the field', async (name) => {
    const error = await pipe.transform({ name }, body).catch((e: ValidationFailedError) => e);
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect((error as ValidationFailedError).extensions.errors).toEqual([{ field: 'name', message: expect.any(String) }]);
  });

  it('accepts astral characters, right-to-left marks and control characters other than NUL', async () => {
    for (const name of ['😀 𝓤', '\u202eevil\u202c', 'tab\tbell\u0007']) {
      await expect(pipe.transform({ name }, body)).resolves.toEqual(expect.objectContaining({ name }));
    }
  });
});
