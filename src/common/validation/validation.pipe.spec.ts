import 'reflect-metadata';
import { ArgumentMetadata } from '@nestjs/common';
import { Field, InputType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { MultilineText, PersonName } from './text-fields';
import { createValidationPipe } from './validation.pipe';

class Inner {
  @IsString() text!: string;
}

class Item {
  @IsString() text!: string;
  @IsOptional() @IsString() @MultilineText() note?: string;
}

class Outer {
  @PersonName({ maxLength: 5 }) name!: string;
  // Only rules that say nothing about text: the check must not depend on any of them.
  @IsOptional() plain?: string;
  @IsOptional() @IsString({ each: true }) @Matches(/^[a-z]+$/, { each: true }) tags?: string[];
  @IsOptional() aliases?: string[][];
  @IsOptional() @ValidateNested() @Type(() => Inner) inner?: Inner;
  @IsOptional() @ValidateNested({ each: true }) @Type(() => Item) items?: Item[];
  @IsOptional() @IsString() @MaxLength(1000) @MultilineText() note?: string;
}

class Derived extends Outer {
  @IsOptional() @IsString() extra?: string;
}

@InputType()
class NoteInput {
  @Field() @IsString() @MultilineText() note!: string;
  @Field() @IsString() title!: string;
}

@InputType()
class PartialNoteInput extends PartialType(NoteInput) {}

const pipe = createValidationPipe();
const asInput = (metatype: ArgumentMetadata['metatype'], data?: string): ArgumentMetadata => ({
  type: 'body',
  metatype,
  data,
});

async function refusal(value: unknown, metadata: ArgumentMetadata): Promise<DomainError> {
  try {
    await pipe.transform(value, metadata);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the input was accepted');
}

describe('the validation pipe’s text check', () => {
  it('names the path of each refused string, nested objects and lists included', async () => {
    const error = await refusal(
      {
        name: 'Sam',
        plain: 'a\u202eb',
        tags: ['ok', 'b\u0000d'],
        inner: { text: 'x\u200by' },
        items: [{ text: 'fine' }, { text: 'x\ufeff' }],
      },
      asInput(Outer, 'input'),
    );
    expect(error.reason).toBe('INVALID_INPUT');
    expect(error.details.fields).toEqual(['plain', 'tags', 'inner.text', 'items.1.text']);
    for (const sent of ['\u0000', '\u202e', '\u200b', '\ufeff', 'b\u0000d']) expect(error.message).not.toContain(sent);
  });

  it('checks a string field that carries no text rule at all, and holds it to one line', async () => {
    expect((await refusal({ name: 'Sam', plain: 'a\u0000' }, asInput(Outer))).details.fields).toEqual(['plain']);
    expect((await refusal({ name: 'Sam', plain: 'a\nb' }, asInput(Outer))).details.fields).toEqual(['plain']);
  });

  it('lets only fields marked multi-line hold tabs and line breaks, at any depth', async () => {
    const accepted = (await pipe.transform(
      { name: 'Sam', note: 'a\r\n\tb', items: [{ text: 'x', note: 'c\nd' }] },
      asInput(Outer),
    )) as Outer;
    expect(accepted.note).toBe('a\r\n\tb');
    expect(accepted.items?.[0].note).toBe('c\nd');
    const error = await refusal({ name: 'Sam', items: [{ text: 'c\nd' }] }, asInput(Outer));
    expect(error.details.fields).toEqual(['items.0.text']);
    expect((await refusal({ name: 'Sam', note: 'a\u0000' }, asInput(Outer))).details.fields).toEqual(['note']);
  });

  it('keeps the multi-line mark on subclasses and on PartialType inputs', async () => {
    const derived = (await pipe.transform({ name: 'Sam', note: 'a\nb' }, asInput(Derived))) as Derived;
    expect(derived.note).toBe('a\nb');
    expect((await refusal({ name: 'Sam', extra: 'a\nb' }, asInput(Derived))).details.fields).toEqual(['extra']);
    const partial = (await pipe.transform({ note: 'a\nb' }, asInput(PartialNoteInput))) as PartialNoteInput;
    expect(partial.note).toBe('a\nb');
    expect((await refusal({ title: 'a\nb' }, asInput(PartialNoteInput))).details.fields).toEqual(['title']);
  });

  it('hands on every string normalised to NFC, however deep', async () => {
    const accepted = (await pipe.transform(
      {
        name: 'Jose\u0301',
        plain: 'e\u0301',
        aliases: [['e\u0301'], ['o\u0308']],
        inner: { text: 'A\u030a' },
        items: [{ text: 'n\u0303' }],
        note: 'c\u0327a\nva',
      },
      asInput(Outer),
    )) as Outer;
    expect(accepted).toMatchObject({
      name: 'Jos\u00e9',
      plain: '\u00e9',
      inner: { text: '\u00c5' },
      items: [{ text: '\u00f1' }],
      note: '\u00e7a\nva',
    });
    expect(accepted.aliases).toEqual([['\u00e9'], ['\u00f6']]);
  });

  it('measures lengths on the normalised text', async () => {
    // Five characters once composed, ten code units as sent.
    const accepted = (await pipe.transform({ name: 'e\u0301'.repeat(5) }, asInput(Outer))) as Outer;
    expect(accepted.name).toBe('\u00e9'.repeat(5));
    // Three characters as sent, six once NFC has decomposed them.
    expect((await refusal({ name: '\u0958'.repeat(3) }, asInput(Outer))).details.fields).toEqual(['name']);
  });

  it('names a field once when both the text check and a rule refuse it', async () => {
    const error = await refusal({ name: 'Sam', tags: ['B\u0000'] }, asInput(Outer));
    expect(error.details.fields).toEqual(['tags']);
    expect(error.message).toContain('single line');
    expect(error.message).toContain('must match');
  });

  it('trims a name, refuses a blank one, and refuses what trimming leaves inside', async () => {
    expect(((await pipe.transform({ name: '\u3000Sam ' }, asInput(Outer))) as Outer).name).toBe('Sam');
    expect((await refusal({ name: ' \u200d ' }, asInput(Outer))).message).toContain('name must not be blank');
    expect((await refusal({ name: 'Sam\t' }, asInput(Outer))).details.fields).toEqual(['name']);
  });

  it('checks an argument that has no input class: an id, a search term, a list of strings', async () => {
    expect((await refusal('\u202e1', asInput(String, 'id'))).details.fields).toEqual(['id']);
    expect((await refusal('a\u0000', asInput(String, 'search'))).details.fields).toEqual(['search']);
    expect((await refusal(['a', 'b\ud800'], asInput(Array, 'names'))).details.fields).toEqual(['names']);
    expect((await refusal({ q: 'a\u0000' }, asInput(Object))).details.fields).toEqual(['q']);
    expect((await refusal('a\u0000', asInput(undefined, 'untyped'))).details.fields).toEqual(['untyped']);
    expect(await pipe.transform('Jose\u0301', asInput(String, 'search'))).toBe('Jos\u00e9');
  });

  it('leaves the server’s own parameters alone (parent, context, principal)', async () => {
    const parent = { displayName: 'stored\u0000' };
    expect(await pipe.transform(parent, { type: 'custom', metatype: Object })).toBe(parent);
    expect(parent.displayName).toBe('stored\u0000');
  });
});
