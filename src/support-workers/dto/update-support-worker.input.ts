import { Field, InputType, PartialType } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { CreateSupportWorkerInput } from './create-support-worker.input';

/** Fields left out are unchanged; a list given replaces the stored one. */
@InputType({
  description:
    'Changes to a support worker: a field left out is unchanged, a list given replaces the stored one, null clears a field; displayName, languages, modes, capacity, active and acceptingNewPeers cannot be cleared. Open requests are computed again.',
})
export class UpdateSupportWorkerInput extends PartialType(CreateSupportWorkerInput) {
  @Field(() => Boolean, { nullable: true, description: 'An inactive worker is never suggested; their matches go on.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
}
