import { Field, InputType, PartialType } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { CreateSupportWorkerInput } from './create-support-worker.input';

/** Fields left out are unchanged; a list given replaces the stored one. */
@InputType()
export class UpdateSupportWorkerInput extends PartialType(CreateSupportWorkerInput) {
  @Field(() => Boolean, { nullable: true, description: 'An inactive worker is never suggested.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
}
