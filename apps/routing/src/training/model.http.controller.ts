import { Controller, Get, HttpCode, NotFoundException, Post, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@bekasi/auth';
import { ModelTrainingService, modelVersionSummary } from './model-training.service';

@ApiTags('model disposisi')
@Roles('admin')
@Controller('api/v1/routing/model')
export class ModelController {
  constructor(private readonly training: ModelTrainingService) {}

  @Get()
  @ApiOperation({ summary: 'The model in use and its held-out measurements' })
  async current() {
    const [latest] = await this.training.versions();
    if (!latest) throw new NotFoundException('Belum ada model disposisi');
    return latest;
  }

  @Get('versions')
  @ApiOperation({ summary: 'Model versions, newest first, with their measurements' })
  async versions() {
    return { versions: await this.training.versions() };
  }

  @Post('retrain')
  @HttpCode(201)
  @ApiOperation({ summary: 'Train a new model version now from every stored training example' })
  async retrain() {
    const row = await this.training.retrain('command');
    if (!row) throw new ServiceUnavailableException('Pelatihan model sedang berjalan; coba lagi sebentar lagi');
    return modelVersionSummary(row);
  }
}
