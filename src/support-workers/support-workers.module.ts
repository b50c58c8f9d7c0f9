import { Module } from '@nestjs/common';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { SupportWorkerResolver } from './support-worker.resolver';
import { SupportWorkersService } from './support-workers.service';

@Module({
  imports: [TaxonomyModule],
  providers: [SupportWorkersService, SupportWorkerResolver],
  exports: [SupportWorkersService],
})
export class SupportWorkersModule {}
