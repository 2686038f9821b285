/** Actions that undo what the demo started, run last-in first-out, each at most once. */
export class Cleanup {
  private readonly actions: (() => Promise<void> | void)[] = [];

  add(action: () => Promise<void> | void): void {
    this.actions.push(action);
  }

  /** Runs every action registered so far, newest first, and keeps going when one fails. */
  async run(): Promise<void> {
    for (let action = this.actions.pop(); action !== undefined; action = this.actions.pop()) {
      try {
        await action();
      } catch {
        // A server that is already closed, or a file already removed, needs nothing more.
      }
    }
  }
}
