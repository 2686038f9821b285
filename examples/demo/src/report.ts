/** Output function that receives each line of the demo's account. */
export type Write = (line: string) => void;

/** Renders rows as a table with a header line, columns padded to their widest cell. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const render = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();

  return [render(headers), render(widths.map((width) => '-'.repeat(width))), ...rows.map(render)];
}

/** Shortens `text` to `max` characters, marking a cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A failed step of the demo, named so that the final message can point to it. */
export class DemoStepError extends Error {
  override readonly name = 'DemoStepError';
  readonly step: string;

  constructor(step: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.step = step;
  }
}

/** Runs one step and names it in the error when it fails. */
export async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DemoStepError) {
      throw error;
    }
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new DemoStepError(name, message, { cause: error });
  }
}

/** Throws a {@link DemoStepError} for `stepName` unless `condition` holds. */
export function expect(condition: boolean, stepName: string, message: string): asserts condition {
  if (!condition) {
    throw new DemoStepError(stepName, message);
  }
}
