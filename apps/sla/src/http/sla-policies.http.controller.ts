import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsObject, IsString, Matches, MaxLength } from 'class-validator';
import { CurrentUser, Roles, type AuthPrincipal } from '@bekasi/auth';
import type { SlaPolicy } from '@bekasi/calendar';
import { SlaPolicyContext } from '../clocks/sla-policy-context';

export class PublishPolicyRequest {
  @IsString() @MaxLength(64) @Matches(/^[\w.-]+$/, { message: 'version hanya boleh berisi huruf, angka, titik, garis bawah dan tanda hubung' })
  version!: string;

  @IsISO8601({ strict: true }, { message: 'effectiveFrom harus tanggal-waktu ISO 8601' })
  effectiveFrom!: string;

  /** Same shape as shared/data/sla-policy.json. */
  @IsObject({ message: 'policy harus berupa objek kebijakan SLA' })
  policy!: SlaPolicy;
}

/** The SLA policy versions: everyone may read them; the LAPOR admin publishes a new one for the future. */
@ApiTags('sla')
@ApiBearerAuth()
@Controller('api/v1/sla/policies')
export class SlaPoliciesHttpController {
  constructor(private readonly policies: SlaPolicyContext) {}

  @Get()
  @ApiOperation({ summary: 'Every SLA policy version, oldest first, with the instant it takes effect' })
  async list() {
    return { versions: (await this.policies.book()).versions };
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Publish a new SLA policy version for tickets received from effectiveFrom on' })
  publish(@Body() body: PublishPolicyRequest, @CurrentUser() user: AuthPrincipal) {
    return this.policies.publish(body.version, new Date(body.effectiveFrom), body.policy, user.username);
  }
}
