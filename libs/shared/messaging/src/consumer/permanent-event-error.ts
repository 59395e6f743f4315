/**
 * Thrown by a handler when retrying cannot help (the event contradicts the handler's state or
 * rules): the message goes to the dead-letter topic at once instead of after the retries.
 */
export class PermanentEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentEventError';
  }
}
