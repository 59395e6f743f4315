import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@bekasi/auth';
import { AddAliasesRequest, CreatePlaceRequest } from './places.request.dto';
import { PlacesService } from './places.service';

// The LAPOR admin only: checked here, on every request (the gateway's check is a convenience).
@ApiTags('gazetir')
@Roles('admin')
@Controller('api/v1/routing/places')
export class PlacesController {
  constructor(private readonly places: PlacesService) {}

  @Get()
  @ApiOperation({ summary: 'Every place the gazetteer knows (kecamatan, kelurahan, desa) with its spellings' })
  async list() {
    return { places: await this.places.list() };
  }

  @Post()
  @ApiOperation({ summary: 'Teach the gazetteer a desa or kelurahan' })
  create(@Body() body: CreatePlaceRequest) {
    return this.places.create(body);
  }

  @Post(':kind/:code/aliases')
  @ApiOperation({ summary: 'Add spellings citizens use for a known place ("Tambsel")' })
  addAliases(@Param('kind') kind: string, @Param('code') code: string, @Body() body: AddAliasesRequest) {
    return this.places.addAliases(kind, code, body);
  }
}
