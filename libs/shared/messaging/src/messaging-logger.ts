/** The slice of a pino logger the messaging layer writes to. */
export interface MessagingLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

export const silentLogger: MessagingLogger = { info() {}, warn() {}, error() {}, debug() {} };
