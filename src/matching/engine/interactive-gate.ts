import { Injectable } from '@nestjs/common';

/**
 * Scoring runs on this process's one JavaScript thread, so a background batch computing in
 * slices still delays every step of an interactive one. While work someone waits for computes,
 * background batches of this process wait at their next slice.
 */
@Injectable()
export class InteractiveGate {
  private running = 0;
  private open?: { promise: Promise<void>; resolve: () => void };

  async during<T>(work: () => Promise<T>): Promise<T> {
    if (this.running++ === 0) {
      let resolve!: () => void;
      const promise = new Promise<void>((done) => (resolve = done));
      this.open = { promise, resolve };
    }
    try {
      return await work();
    } finally {
      if (--this.running === 0) {
        this.open?.resolve();
        this.open = undefined;
      }
    }
  }

  private turn: Promise<void> = Promise.resolve();

  /**
   * Background batches score one at a time in this process (their reads and writes still
   * overlap): several scoring at once would not finish sooner on one thread, and would each
   * take a slice between any two steps of the interactive work and the API.
   */
  async backgroundTurn<T>(work: () => Promise<T>): Promise<T> {
    const previous = this.turn;
    let release!: () => void;
    this.turn = new Promise<void>((done) => (release = done));
    await previous;
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** At once, or once no interactive work is computing. */
  clear(): Promise<void> {
    return this.open?.promise ?? Promise.resolve();
  }
}
