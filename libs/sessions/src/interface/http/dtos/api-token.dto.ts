import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class CreateApiTokenDto {
  @ApiProperty({ minLength: 1, maxLength: 100, description: 'A label to recognise the token by.' })
  @IsString()
  @Length(1, 100)
  @Matches(/^[^\p{Cc}\p{Cs}]+$/u, { message: 'name must not contain control characters' })
  name!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 365, description: 'Omitted: the token never expires.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  expiresInDays?: number;
}

export class CreatedApiTokenDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The secret (`lk_…`), shown only in this answer.' }) token!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) expiresAt!: Date | null;
}

export class ApiTokenDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The first characters of the token, never the secret.' }) prefix!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) expiresAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) lastUsedAt!: Date | null;
}
