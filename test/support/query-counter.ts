import { AbstractLogger, LogLevel, LogMessage } from 'typeorm';

/** Counts the SQL statements the application sends, to pin down N+1 queries. */
export class QueryCounter extends AbstractLogger {
  private statements: string[] = [];

  constructor() {
    super(['query']);
  }

  protected writeLog(level: LogLevel, messages: LogMessage | LogMessage[]): void {
    if (level !== 'query') return;
    for (const message of Array.isArray(messages) ? messages : [messages]) {
      this.statements.push(String(message.message));
    }
  }

  async count(work: () => Promise<unknown>): Promise<{ queries: number; statements: string[] }> {
    this.statements = [];
    await work();
    return { queries: this.statements.length, statements: [...this.statements] };
  }
}
