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
 * A person's name: the spaces around it dropped, never blank, and at most `maxLength` UTF-16
 * code units once normalised, which keeps it within a varchar of that many characters.
 */
export function PersonName({ maxLength }: { maxLength: number }): PropertyDecorator {
  return (target, property) => {
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? trimSpaces(value) : value))(
      target,
      property,
    );
    IsString()(target, property);
    IsNotBlank()(target, property);
    MaxLength(maxLength)(target, property);
  };
}
