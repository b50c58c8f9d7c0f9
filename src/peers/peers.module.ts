import { Module } from '@nestjs/common';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { PeerResolver } from './peer.resolver';
import { PeersService } from './peers.service';

@Module({
  imports: [TaxonomyModule],
  providers: [PeersService, PeerResolver],
  exports: [PeersService],
})
export class PeersModule {}
