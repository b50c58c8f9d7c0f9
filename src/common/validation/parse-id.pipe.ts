import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DomainError } from '../errors/domain-error';

/** Ids are UUIDs; anything else is the caller's mistake, not a missing record. */
@Injectable()
export class ParseIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && isUUID(value)) return value.toLowerCase();
    const field = metadata.data ?? 'id';
    throw new DomainError('INVALID_INPUT', `Invalid input: ${field} must be a UUID`, { fields: [field] });
  }
}
