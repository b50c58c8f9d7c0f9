import { TagInfo } from './profiles';

export const SAME_TAG = 1;
export const PARENT_OR_CHILD = 0.75;
export const SIBLING = 0.5;

/**
 * Tags as bit positions. For every tag three masks of `words` 32-bit words are kept: the tag
 * itself, its parent and children, and its siblings, so that the best partial credit a
 * worker's tags give one peer tag is three AND operations.
 */
export class TaxonomyIndex {
  readonly words: number;
  /** Per tag: [self][parent and children][siblings], `words` each. */
  readonly masks: Uint32Array;
  private readonly indexById: Map<string, number>;

  constructor(readonly tags: readonly TagInfo[]) {
    this.indexById = new Map(tags.map((tag, index) => [tag.id, index]));
    this.words = Math.max(1, Math.ceil(tags.length / 32));
    this.masks = new Uint32Array(tags.length * 3 * this.words);
    tags.forEach((tag, index) => {
      const base = index * 3 * this.words;
      this.setBit(this.masks, base, index);
      tags.forEach((other, otherIndex) => {
        if (otherIndex === index) return;
        if (other.id === tag.parentId || other.parentId === tag.id) {
          this.setBit(this.masks, base + this.words, otherIndex);
        } else if (tag.parentId !== null && other.parentId === tag.parentId) {
          this.setBit(this.masks, base + 2 * this.words, otherIndex);
        }
      });
    });
  }

  indexOf(id: string): number {
    return this.indexById.get(id) ?? -1;
  }

  tag(index: number): TagInfo {
    return this.tags[index];
  }

  /** Indexes of the known ids, in the order given; unknown ids are dropped. */
  indexesOf(ids: readonly string[]): Int32Array {
    return Int32Array.from(ids.map((id) => this.indexOf(id)).filter((index) => index >= 0));
  }

  /** The three masks of each known tag, one after the other: what the kernel compares with. */
  masksOf(ids: readonly string[]): Uint32Array {
    const indexes = this.indexesOf(ids);
    const stride = 3 * this.words;
    const masks = new Uint32Array(indexes.length * stride);
    indexes.forEach((index, j) => masks.set(this.masks.subarray(index * stride, (index + 1) * stride), j * stride));
    return masks;
  }

  /** Sets the bits of `ids` in `target` from word `offset`. */
  writeBits(ids: readonly string[], target: Uint32Array, offset: number): void {
    for (const id of ids) {
      const index = this.indexOf(id);
      if (index >= 0) this.setBit(target, offset, index);
    }
  }

  similarity(a: number, b: number): number {
    const base = a * 3 * this.words;
    const word = b >>> 5;
    const bit = 1 << (b & 31);
    if (this.masks[base + word] & bit) return SAME_TAG;
    if (this.masks[base + this.words + word] & bit) return PARENT_OR_CHILD;
    if (this.masks[base + 2 * this.words + word] & bit) return SIBLING;
    return 0;
  }

  private setBit(target: Uint32Array, offset: number, index: number): void {
    target[offset + (index >>> 5)] |= 1 << (index & 31);
  }
}
