import { expect } from 'vitest';

/**
 * The stable code of the error `fn` throws, after checking the error is an `ErrorClass`
 * (so a stray TypeError cannot pass for the expected failure); undefined when `fn` returns.
 */
export function thrownCode<E extends Error & { code: string }>(
  ErrorClass: abstract new (...args: never[]) => E,
  fn: () => unknown,
): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ErrorClass);
    return (error as E).code;
  }
}
