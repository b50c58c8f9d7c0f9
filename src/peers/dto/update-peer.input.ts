import { InputType, PartialType } from '@nestjs/graphql';
import { CreatePeerInput } from './create-peer.input';

/** Fields left out are unchanged; a list given replaces the stored one. */
@InputType({
  description:
    'Changes to a peer: a field left out is unchanged, a list given replaces the stored one, null clears a field; displayName, languages and modes cannot be cleared.',
})
export class UpdatePeerInput extends PartialType(CreatePeerInput) {}
