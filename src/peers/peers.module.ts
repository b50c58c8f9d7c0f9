import { Module } from '@nestjs/common';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { PeerResolver } from './peer.resolver';
import { PeerErasureService } from './peer-erasure.service';
import { PeerExportService } from './peer-export.service';
import { PeersService } from './peers.service';

@Module({
  imports: [TaxonomyModule],
  providers: [PeersService, PeerErasureService, PeerExportService, PeerResolver],
  exports: [PeersService],
})
export class PeersModule {}
