import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { allowsLineBreaks } from './text-fields';
import { checkText, describeTextProblem } from './text';

function flatten(errors: ValidationError[], parent = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** The text check and class-validator may both find fault with one field, which is named once. */
function byField(invalid: { field: string; problems: string[] }[]): { field: string; problems: string[] }[] {
  const merged = new Map<string, string[]>();
  for (const { field, problems } of invalid) merged.set(field, [...(merged.get(field) ?? []), ...problems]);
  return [...merged].map(([field, problems]) => ({ field, problems }));
}

function validationError(
  property: string,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError {
  return { property, constraints, children };
}

function isInputObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer);
}

/**
 * Normalises the string at `value` (or each string under it) and returns it, with an error when
 * any is refused. A string in a list is reported on the list, as class-validator's `each` rules
 * are, so `label` is the name its messages give.
 */
function inspect(
  value: unknown,
  property: string,
  label: string,
  multiline: boolean,
): { value: unknown; error?: ValidationError } {
  if (typeof value === 'string') {
    const checked = checkText(value, { multiline });
    if (checked.ok) return { value: checked.value };
    const constraints = Object.fromEntries(
      checked.problems.map((problem) => [`text:${problem}`, describeTextProblem(label, problem, { multiline })]),
    );
    return { value, error: validationError(property, constraints) };
  }
  if (Array.isArray(value)) {
    let constraints: Record<string, string> | undefined;
    const children: ValidationError[] = [];
    value.forEach((item, index) => {
      const inspected = inspect(item, String(index), label, multiline);
      if (inspected.value !== item) value[index] = inspected.value;
      if (!inspected.error) return;
      if (typeof item === 'string') constraints = { ...constraints, ...inspected.error.constraints };
      else children.push(inspected.error);
    });
    return constraints || children.length
      ? { value, error: validationError(property, constraints, children) }
      : { value };
  }
  if (isInputObject(value)) {
    const children = inspectProperties(value);
    return children.length ? { value, error: validationError(property, undefined, children) } : { value };
  }
  return { value };
}

/** Checks and normalises, in place, every string the object holds, however deep. */
function inspectProperties(owner: object): ValidationError[] {
  const record = owner as Record<string, unknown>;
  const errors: ValidationError[] = [];
  for (const property of Object.keys(record)) {
    const current = record[property];
    const inspected = inspect(current, property, property, allowsLineBreaks(owner.constructor, property));
    if (inspected.value !== current) record[property] = inspected.value;
    if (inspected.error) errors.push(inspected.error);
  }
  return errors;
}

/**
 * class-validator's pipe, with every string of every argument checked and normalised to NFC
 * first, so that the rules (lengths above all) judge the text that will be stored.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Custom parameters (@Parent, @Context, the principal) are the server's own, not input.
    // An argument of no input class (an id, an enum, a list of strings) never reaches validate().
    if (metadata.type !== 'custom' && !this.toValidate(metadata)) {
      let errors: ValidationError[];
      if (!metadata.data && isInputObject(value)) {
        // All the arguments at once, named as fields of their own.
        errors = inspectProperties(value);
      } else {
        const holder: Record<string, unknown> = { [metadata.data || metadata.type]: value };
        errors = inspectProperties(holder);
        value = Object.values(holder)[0];
      }
      if (errors.length > 0) throw await this.exceptionFactory(errors);
    }
    return super.transform(value, metadata);
  }

  /** Called with the input already made an instance of its class, nested inputs included. */
  protected override async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    const textErrors = inspectProperties(object);
    return [...textErrors, ...(await super.validate(object, options))];
  }
}

/** Rejects invalid input as BAD_USER_INPUT, naming each field and what is wrong with it. */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => {
      const invalid = byField(flatten(errors));
      const summary = invalid.map(({ problems }) => problems.join(', ')).join('; ');
      return new DomainError('INVALID_INPUT', `Invalid input: ${summary}`, {
        fields: invalid.map(({ field }) => field),
      });
    },
  });
}
