import { Transform, Type } from 'class-transformer';
import { IsEmail, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { ValidationFailedError } from '#libs/building-blocks';
import { StrictValidationPipe } from './strict-validation.pipe.js';
import { stringFieldsOf } from './string-fields.fast-path.js';

class TokenDto {
  @IsString() @MaxLength(12) token!: string;
  @IsOptional() @IsString() @MaxLength(5) hint?: string;
  @IsOptional() @IsString() @MinLength(3) @MaxLength(8) code?: string;
}

/** As identity's sign-in and reset bodies: an address checked by `@IsEmail()` (no `@IsString()`), with or without options. */
class EmailDto {
  @IsString() @MinLength(1) @MaxLength(100) organization!: string;
  @IsEmail() @MaxLength(254) email!: string;
  @IsOptional() @IsEmail({ host_blacklist: ['blocked.example'] }) other?: string;
}

/** The same pipe with the fast path off: every body takes class-transformer and class-validator. */
class FullPipe extends StrictValidationPipe {
  protected override stringFields(): null {
    return null;
  }
}

const body = (metatype: new () => object) => ({ type: 'body' as const, metatype });

/** How a pipe answered: the DTO made (its class and fields), or the errors of its refusal. */
async function outcome(pipe: StrictValidationPipe, value: unknown, metatype: new () => object): Promise<unknown> {
  try {
    const dto = (await pipe.transform(structuredClone(value), body(metatype))) as object;
    return { class: dto.constructor.name, fields: { ...dto } };
  } catch (error) {
    return error instanceof ValidationFailedError ? { refused: error.extensions.errors } : { threw: String(error) };
  }
}

describe('the string-fields fast path of StrictValidationPipe', () => {
  const fast = new StrictValidationPipe();
  const full = new FullPipe();

  it.each([
    { token: 'abc' },
    { token: 'abc', hint: 'h' },
    { token: 'abc', hint: null },
    { token: 'abc', hint: undefined, code: 'xyz' },
    { token: '123456789012' },
    { token: '1234567890123' },
    { token: '' },
    { token: 'abc', code: 'xy' },
    { token: 'abc', code: '😀😀' },
    { token: 'abc', code: 'ab\ufe0f' },
    { token: '😀😀😀😀😀😀😀' },
    { token: 'abc', hint: 'toolong' },
    { token: 42 },
    { token: null },
    {},
    { hint: 'h' },
    { token: 'abc', extra: 'x' },
    { token: ['abc'] },
    { token: { value: 'abc' } },
    { token: 'abc', code: 123 },
  ])('answers %j exactly as the full validation does', async (value) => {
    expect(await outcome(fast, value, TokenDto)).toEqual(await outcome(full, value, TokenDto));
  });

  it.each([
    { organization: 'acme', email: 'jane@example.com' },
    { organization: 'acme', email: 'Jane.Doe+tag@Example.COM' },
    { organization: 'acme', email: 'jane@localhost' },
    { organization: 'acme', email: 'jane@example.com', other: 'ops@example.org' },
    { organization: 'acme', email: 'jane@example.com', other: 'ops@blocked.example' },
    { organization: 'acme', email: 'jane@example.com', other: 'not an address' },
    { organization: 'acme', email: 'jane@example.com', other: null },
    { organization: 'acme', email: 'jane' },
    { organization: 'acme', email: '' },
    { organization: 'acme', email: 'jane@@example.com' },
    { organization: 'acme', email: ' jane@example.com' },
    { organization: 'acme', email: 'jané@exämple.com' },
    { organization: 'acme', email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com` },
    { organization: 'acme', email: `${'a'.repeat(65)}@example.com` },
    { organization: 'acme', email: 42 },
    { organization: 'acme', email: ['jane@example.com'] },
    { organization: 'acme' },
    { organization: '', email: 'jane@example.com' },
  ])('answers the e-mail body %j exactly as the full validation does', async (value) => {
    expect(await outcome(fast, value, EmailDto)).toEqual(await outcome(full, value, EmailDto));
  });

  it('applies to a DTO of string fields only, e-mail addresses included', () => {
    expect(stringFieldsOf(EmailDto)).toEqual(
      new Map([
        ['organization', expect.objectContaining({ email: false, maxLength: 100 })],
        ['email', expect.objectContaining({ email: { options: undefined }, maxLength: 254 })],
        [
          'other',
          expect.objectContaining({ optional: true, email: { options: expect.objectContaining({ host_blacklist: ['blocked.example'] }) } }),
        ],
      ]),
    );
    expect(stringFieldsOf(TokenDto)).toEqual(
      new Map([
        ['token', expect.objectContaining({ optional: false, minLength: 0, maxLength: 12 })],
        ['hint', expect.objectContaining({ optional: true, maxLength: 5 })],
        ['code', expect.objectContaining({ optional: true, minLength: 3, maxLength: 8 })],
      ]),
    );
  });

  it('leaves every other DTO to the full validation: other rules, conditions, class-transformer', () => {
    class Identifier {
      @IsUUID() id!: string;
    }
    class Conditional {
      @ValidateIf(() => true) @IsString() name!: string;
    }
    class Trimmed {
      @Transform(({ value }: { value: string }) => value.trim()) @IsString() name!: string;
    }
    class Typed {
      @Type(() => String) @IsString() name!: string;
    }
    class Grouped {
      @IsString({ groups: ['admin'] }) name!: string;
    }
    for (const metatype of [Identifier, Conditional, Trimmed, Typed, Grouped]) expect(stringFieldsOf(metatype)).toBeNull();
  });
});
