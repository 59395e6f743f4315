import { HttpException } from '@nestjs/common';
import type { TicketRuleViolation, TicketRuleViolationCode } from '@bekasi/tickets-domain';

/** How the state machine's refusals answer over HTTP. */
const STATUS_OF: Readonly<Record<TicketRuleViolationCode, number>> = {
  UNKNOWN_ACTION: 400,
  ROLE_NOT_ALLOWED: 403,
  // Another unit's ticket does not exist for the caller: answer as if it did not.
  NOT_YOUR_UNIT: 404,
  TRANSITION_NOT_ALLOWED: 409,
  SAME_UNIT: 409,
  UNIT_REQUIRED: 422,
  QUESTION_REQUIRED: 422,
  MESSAGE_REQUIRED: 422,
  ANSWER_REQUIRED: 422,
  NOTE_REQUIRED: 422,
  REASON_REQUIRED: 422,
  INVALID_RATING: 422,
  RATING_NOT_ALLOWED: 403,
  ARCHIVE_KIND_NOT_ALLOWED: 422,
  DUPLICATE_LINK_REQUIRED: 422,
  DUPLICATE_OF_SELF: 422,
};

/** A refused request: `code` is stable for clients, `message` is for the user. */
export class DeskRefusal extends HttpException {
  constructor(status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
    super({ statusCode: status, error: code, code, message, ...extra }, status);
  }

  static of(violation: TicketRuleViolation): DeskRefusal {
    if (violation.code === 'NOT_YOUR_UNIT') return DeskRefusal.notFound();
    return new DeskRefusal(STATUS_OF[violation.code], violation.code, violation.message.id);
  }

  static notFound(): DeskRefusal {
    return new DeskRefusal(404, 'TICKET_NOT_FOUND', 'Laporan tidak ditemukan.');
  }

  static versionConflict(currentVersion: number): DeskRefusal {
    return new DeskRefusal(409, 'VERSION_CONFLICT', 'Laporan telah diubah oleh pengguna lain. Muat ulang lalu coba lagi.', { currentVersion });
  }

  static versionRequired(): DeskRefusal {
    return new DeskRefusal(428, 'VERSION_REQUIRED', 'Versi laporan wajib dikirim (header If-Match atau kolom version).');
  }
}
