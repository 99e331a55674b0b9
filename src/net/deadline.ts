/**
 * The time and cancellation budget of one request (every hop and the body): a timer, the caller's
 * signal, and the one `AbortSignal` handed to the HTTP client. A timer cannot interrupt work that never
 * waits on I/O (a user-supplied body that answers every read at once), so readers also call `check()`
 * between steps, which compares the clock itself.
 */
import { FetchError } from '../errors.js';

/** One request's deadline. Create it when the request starts; `dispose()` it when the request settles. */
export class Deadline {
  /** The URL errors name: the hop in flight. */
  url: string;
  readonly #controller = new AbortController();
  readonly #timeoutMs: number;
  readonly #endsAt: number;
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #caller: AbortSignal | undefined;
  readonly #stopped: Promise<never>;
  #reject: (error: FetchError) => void = () => undefined;
  readonly #onCallerAbort = () => this.#fail(new FetchError('aborted', this.url, 'the caller aborted the request'));

  constructor(timeoutMs: number, url: string, caller?: AbortSignal) {
    this.url = url;
    this.#timeoutMs = timeoutMs;
    this.#endsAt = performance.now() + timeoutMs;
    this.#caller = caller;
    this.#stopped = new Promise<never>((_, reject) => {
      this.#reject = reject;
    });
    this.#stopped.catch(() => undefined); // observed by `race`; never an unhandled rejection on its own
    this.#timer = setTimeout(() => this.#fail(this.#timeoutError()), timeoutMs);
    if (caller?.aborted) this.#onCallerAbort();
    else caller?.addEventListener('abort', this.#onCallerAbort, { once: true });
  }

  /** Aborted, with the `FetchError` as its reason, on timeout, on the caller's abort, or by `dispose()`. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** `work`, or the timeout / abort error as soon as there is one, even if `work` never settles. */
  race<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.#stopped]);
  }

  /** Throw the timeout or abort error if the request is over; a clock check that needs no timer to have fired. */
  check(): void {
    const over = this.over();
    if (over) throw over;
  }

  /** The timeout or abort error if the request is over (checking the clock itself), else undefined. */
  over(): FetchError | undefined {
    if (!this.#controller.signal.aborted && performance.now() >= this.#endsAt) this.#fail(this.#timeoutError());
    return this.reason;
  }

  /** The error that ended the request, if the deadline or the caller ended it. */
  get reason(): FetchError | undefined {
    const reason: unknown = this.#controller.signal.reason;
    return this.#controller.signal.aborted && reason instanceof FetchError ? reason : undefined;
  }

  /** Stop the timer, let go of the caller's signal, and abort whatever is still in flight. */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener('abort', this.#onCallerAbort);
    this.#controller.abort();
  }

  #timeoutError(): FetchError {
    return new FetchError('timeout', this.url, `no complete response within ${this.#timeoutMs} ms`);
  }

  /** End the request with `error`: abort the client's signal and reject every `race`. */
  #fail(error: FetchError): void {
    if (this.#controller.signal.aborted) return;
    this.#controller.abort(error);
    this.#reject(error);
  }
}
