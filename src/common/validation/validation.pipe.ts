import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';

function flatten(errors: ValidationError[], parent = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Rejects invalid input as BAD_USER_INPUT, naming each field and what is wrong with it. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => {
      const invalid = flatten(errors);
      const summary = invalid.map(({ problems }) => problems.join(', ')).join('; ');
      return new DomainError('INVALID_INPUT', `Invalid input: ${summary}`, {
        fields: invalid.map(({ field }) => field),
      });
    },
  });
}
