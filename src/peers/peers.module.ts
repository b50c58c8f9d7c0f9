import { Module } from '@nestjs/common';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { PeerResolver } from './peer.resolver';
import { PeerErasureService } from './peer-erasure.service';
import { PeersService } from './peers.service';

@Module({
  imports: [TaxonomyModule],
  providers: [PeersService, PeerErasureService, PeerResolver],
  exports: [PeersService],
})
export class PeersModule {}
