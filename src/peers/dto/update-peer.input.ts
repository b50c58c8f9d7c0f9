import { InputType, PartialType } from '@nestjs/graphql';
import { CreatePeerInput } from './create-peer.input';

/** Fields left out are unchanged; a list given replaces the stored one. */
@InputType()
export class UpdatePeerInput extends PartialType(CreatePeerInput) {}
