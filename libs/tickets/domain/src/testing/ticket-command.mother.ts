import type { Actor } from '../actor';
import type { CommandOf, TicketAction, TicketCommand } from '../ticket-command';
import type { TicketSnapshot } from '../ticket-snapshot';
import { HOME_UNIT, OTHER_UNIT } from './ticket.mother';

export const CommandMother = {
  route: (unitCode = HOME_UNIT): CommandOf<'route'> => ({ type: 'route', unitCode, reason: 'Kategori jalan rusak di Kec. Tambun Selatan' }),
  sendToTriage: (): CommandOf<'send_to_triage'> => ({ type: 'send_to_triage', reason: 'Keyakinan routing rendah' }),
  dispose: (unitCode = HOME_UNIT): CommandOf<'dispose'> => ({ type: 'dispose', unitCode, reason: 'Kewenangan jalan kabupaten' }),
  acknowledge: (): CommandOf<'acknowledge'> => ({ type: 'acknowledge' }),
  startWork: (): CommandOf<'start_work'> => ({ type: 'start_work' }),
  requestInfo: (question = 'Mohon lengkapi titik lokasi (RT/RW) dan foto kondisi jalan.'): CommandOf<'request_info'> => ({
    type: 'request_info',
    question,
  }),
  reporterReply: (message = 'Lokasi di RT 03/RW 07, foto terlampir.'): CommandOf<'reporter_reply'> => ({ type: 'reporter_reply', message }),
  postAnswer: (answer = 'Perbaikan jalan dijadwalkan minggu ini oleh UPTD wilayah.'): CommandOf<'post_answer'> => ({ type: 'post_answer', answer }),
  requestReassign: (reason = 'Jalan provinsi, bukan kewenangan kabupaten.'): CommandOf<'request_reassign'> => ({ type: 'request_reassign', reason }),
  reopen: (reason = 'Jalan belum juga diperbaiki.'): CommandOf<'reopen'> => ({ type: 'reopen', reason }),
  closeAsReporter: (rating?: number): CommandOf<'close'> => (rating === undefined ? { type: 'close' } : { type: 'close', rating }),
  closeAsAdmin: (reason = 'Tindak lanjut sudah sesuai, pelapor tidak merespons.'): CommandOf<'close'> => ({ type: 'close', reason }),
  rate: (rating: number): CommandOf<'rate'> => ({ type: 'rate', rating }),
  archive: (kind: CommandOf<'archive'>['kind'] = 'out_of_scope', reason = 'Bukan pelayanan publik kabupaten.'): CommandOf<'archive'> => ({
    type: 'archive',
    kind,
    reason,
  }),
  archiveAsDuplicateOf: (duplicateOfTicketId: string): CommandOf<'archive'> => ({
    type: 'archive',
    kind: 'duplicate',
    reason: 'Laporan serupa telah diteruskan.',
    duplicateOfTicketId,
  }),
  withdraw: (): CommandOf<'withdraw'> => ({ type: 'withdraw', reason: 'Pasokan air sudah kembali normal.' }),
  addNote: (note = 'Sudah koordinasi dengan UPTD.'): CommandOf<'add_note'> => ({ type: 'add_note', note }),

  /** A command for `action` whose content is valid for `actor` on `ticket`, so only permissions decide. */
  validFor(action: TicketAction, ticket: TicketSnapshot, actor: Actor): TicketCommand {
    const anotherUnit = ticket.unitCode === HOME_UNIT ? OTHER_UNIT : HOME_UNIT;
    switch (action) {
      case 'route':
        return CommandMother.route(anotherUnit);
      case 'send_to_triage':
        return CommandMother.sendToTriage();
      case 'dispose':
        return CommandMother.dispose(anotherUnit);
      case 'acknowledge':
        return CommandMother.acknowledge();
      case 'start_work':
        return CommandMother.startWork();
      case 'request_info':
        return CommandMother.requestInfo();
      case 'reporter_reply':
        return CommandMother.reporterReply();
      case 'post_answer':
        return CommandMother.postAnswer();
      case 'request_reassign':
        return CommandMother.requestReassign();
      case 'reopen':
        return CommandMother.reopen();
      case 'close':
        return actor.role === 'admin' ? CommandMother.closeAsAdmin() : CommandMother.closeAsReporter();
      case 'rate':
        return CommandMother.rate(5);
      case 'archive':
        return CommandMother.archive(actor.role === 'system' ? 'incomplete_information' : 'out_of_scope');
      case 'withdraw':
        return CommandMother.withdraw();
      case 'add_note':
        return CommandMother.addNote();
    }
  },
};
