import { ApiProperty } from '@nestjs/swagger';

export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() lastUsedAt!: Date;
  @ApiProperty({ description: 'Absolute end of the session; refreshing does not extend it.' }) expiresAt!: Date;
  @ApiProperty() clientIp!: string;
  @ApiProperty({ type: String, nullable: true }) userAgent!: string | null;
  @ApiProperty({ description: 'Whether this is the session of the calling access token.' }) current!: boolean;
}
