/**
 * Waits, polling, until `condition` holds; fails naming `what` after `timeoutMs`. `what` may be a
 * function, to describe the state at the moment of failure.
 */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000, what: string | (() => string) = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${typeof what === 'function' ? what() : what} not met in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
