import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ACCOUNT_LOCALES, type AccountLocale } from '../../../domain/account.aggregate.js';

// Longer than any policy allows (128), short enough that hashing it costs nothing extra.
const PASSWORD_MAX = 1024;

/**
 * An e-mail address, checked the same way everywhere: every stored address was accepted by this check
 * when its account was created, so no existing account is refused at sign-in. A value that is not an
 * address answers 400 VALIDATION_FAILED before anything is looked up, which says nothing about accounts.
 */
const EmailAddress = (): PropertyDecorator => applyDecorators(IsEmail(), MaxLength(254));

export class CreateAccountDto {
  @ApiProperty({ example: 'jane@example.com', format: 'email' }) @EmailAddress() email!: string;

  @ApiPropertyOptional({ description: 'Without it the account is invited to set one by e-mail.' })
  @IsOptional()
  @IsString()
  @MaxLength(PASSWORD_MAX)
  password?: string;

  @ApiPropertyOptional({ enum: ACCOUNT_LOCALES, default: 'en' }) @IsOptional() @IsIn(ACCOUNT_LOCALES) locale?: AccountLocale;
}

export class SignInDto {
  @ApiProperty({ example: 'acme' }) @IsString() @MinLength(1) @MaxLength(100) organization!: string;
  @ApiProperty({ example: 'jane@example.com', format: 'email' }) @EmailAddress() email!: string;
  @ApiProperty() @IsString() @MaxLength(PASSWORD_MAX) password!: string;
}

export class PasswordCheckDto {
  @ApiProperty({ example: 'acme' }) @IsString() @MinLength(1) @MaxLength(100) organization!: string;
  @ApiProperty() @IsString() @MaxLength(PASSWORD_MAX) password!: string;
  @ApiPropertyOptional({ example: 'jane@example.com', format: 'email' }) @IsOptional() @EmailAddress() email?: string;
}

export class ResetRequestDto {
  @ApiProperty({ example: 'acme' }) @IsString() @MinLength(1) @MaxLength(100) organization!: string;
  @ApiProperty({ example: 'jane@example.com', format: 'email' }) @EmailAddress() email!: string;
}

export class ResetTokenDto {
  @ApiProperty({ description: 'The token from the fragment of the e-mailed link.' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  token!: string;
}

export class ResetConfirmDto extends ResetTokenDto {
  @ApiProperty() @IsString() @MaxLength(PASSWORD_MAX) newPassword!: string;
  @ApiPropertyOptional({ default: false, description: 'Also expire every access and API token of the account.' })
  @IsOptional()
  @IsBoolean()
  expireSessionsAndTokens?: boolean;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @MaxLength(PASSWORD_MAX) currentPassword!: string;
  @ApiProperty() @IsString() @MaxLength(PASSWORD_MAX) newPassword!: string;
  @ApiProperty({ description: 'true: every session, refresh, access and API token of the account stops working before the 204.' })
  @IsBoolean()
  expireSessionsAndTokens!: boolean;
}
