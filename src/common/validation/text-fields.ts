import { Transform } from 'class-transformer';
import { getMetadataStorage, IsString, MaxLength, ValidateBy } from 'class-validator';
import { isBlank, trimSpaces } from './text';

const MULTILINE_TEXT = 'multilineText';

/**
 * Lets a free-text field hold tabs and line breaks. Every string is checked by the validation
 * pipe whether or not it is marked: a field left unmarked is held to one line, never let off.
 */
export function MultilineText(): PropertyDecorator {
  // The mark is a rule that always passes because class-validator's metadata is what
  // inheritance, PartialType, PickType and the like carry over to the inputs derived from a class.
  return ValidateBy({ name: MULTILINE_TEXT, validator: { validate: () => true } });
}

const multilineByClass = new WeakMap<object, ReadonlySet<string>>();

export function allowsLineBreaks(inputClass: unknown, property: string): boolean {
  if (typeof inputClass !== 'function' || inputClass === Object) return false;
  let properties = multilineByClass.get(inputClass);
  if (!properties) {
    const rules = getMetadataStorage().getTargetValidationMetadatas(inputClass, '', true, false);
    properties = new Set(rules.filter((rule) => rule.name === MULTILINE_TEXT).map((rule) => rule.propertyName));
    multilineByClass.set(inputClass, properties);
  }
  return properties.has(property);
}

function IsNotBlank(): PropertyDecorator {
  return ValidateBy({
    name: 'isNotBlank',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && !isBlank(value),
      defaultMessage: (args) => `${args?.property ?? 'name'} must not be blank`,
    },
  });
}

/**
 * Text with the spaces around it dropped, at most `maxLength` UTF-16 code units once normalised
 * (which keeps it within a varchar of that many characters), and never blank unless `blank` says so.
 */
export function TrimmedText({ maxLength, blank = false }: { maxLength: number; blank?: boolean }): PropertyDecorator {
  return (target, property) => {
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? trimSpaces(value) : value))(
      target,
      property,
    );
    IsString()(target, property);
    if (!blank) IsNotBlank()(target, property);
    MaxLength(maxLength)(target, property);
  };
}

/** A person's name as people are registered with it. */
export const DISPLAY_NAME_MAX_LENGTH = 100;

/** A person's name: trimmed, never blank, within its column. */
export function PersonName({ maxLength }: { maxLength: number }): PropertyDecorator {
  return TrimmedText({ maxLength });
}
