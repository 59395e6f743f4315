/** The uploaded file cannot be read as an export at all; the message is for the admin who uploaded it. */
export class ExportFileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ExportFileError';
  }
}
