// What the UI and the Rapim pack show for each code, in Bahasa Indonesia first.
import type { Zone } from './ikp-score';
import type { InstructionStanding, ProposalOutcome, RealisationState } from './instructions';

export type Label = { id: string; en: string };

export const ZONE_LABELS: Record<Zone, Label> = {
  hijau: { id: 'Zona hijau (kepatuhan tinggi)', en: 'Green zone (high compliance)' },
  kuning: { id: 'Zona kuning (kepatuhan sedang)', en: 'Yellow zone (medium compliance)' },
  merah: { id: 'Zona merah (kepatuhan rendah)', en: 'Red zone (low compliance)' },
};

export const STANDING_LABELS: Record<InstructionStanding, Label> = {
  on_track: { id: 'Berjalan', en: 'On track' },
  achieved: { id: 'Tercapai (terverifikasi)', en: 'Achieved (verified)' },
  overdue: { id: 'Lewat batas waktu', en: 'Overdue' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
};

export const REALISATION_LABELS: Record<RealisationState, Label> = {
  submitted: { id: 'Menunggu verifikasi', en: 'Awaiting verification' },
  verified: { id: 'Terverifikasi', en: 'Verified' },
  sent_back: { id: 'Dikembalikan', en: 'Sent back' },
};

export const PROPOSAL_LABELS: Record<ProposalOutcome, Label> = {
  proposed: { id: 'Menunggu keputusan', en: 'Awaiting decision' },
  approved: { id: 'Disetujui', en: 'Approved' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
  lapsed: { id: 'Gugur (tidak diputuskan)', en: 'Lapsed (not decided)' },
};
