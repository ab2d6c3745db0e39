import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token of the last sign-in or refresh; single use.' })
  @IsString()
  @Length(1, 512)
  refreshToken!: string;
}
