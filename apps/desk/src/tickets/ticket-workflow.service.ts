import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ALL_UNITS, unitScopeOf, type AuthPrincipal, type UnitScope } from '@bekasi/auth';
import { CLOCK, type Clock } from '@bekasi/clock';
import { OutboxRelay } from '@bekasi/messaging';
import { decide, STATUS_LABELS, toLaporStatus, type Actor, type StaffActor, type TicketCommand, type TicketDecision } from '@bekasi/tickets-domain';
import type { AttachmentMetadata, Page, ReporterTicketView, TicketDetailView, TicketSummaryView } from '@bekasi/desk-client';
import { TicketRepository, type InboxFilter, type TicketRecord } from '../persistence/ticket.repository';
import { UserRepository } from '../persistence/user.repository';
import { DeskRefusal } from './desk-refusal';
import { TicketEventPublisher, type PublicationContext } from './ticket-event.publisher';
import { TicketOrigins } from '../lapor-loop/ticket-origins';
import { detailView, summaryView } from './ticket-views';

/** A signed-in caller as the state machine sees them, and the units whose tickets they may see. */
export interface Caller {
  readonly actor: StaffActor;
  readonly scope: UnitScope;
}

export interface CommandOptions {
  /** The version the caller last saw; null for the reporter's channel, which cannot know it. */
  readonly expectedVersion: number | null;
  readonly attachments?: readonly AttachmentMetadata[];
  /** Checks that need the database (a unit exists, a duplicate's original exists), inside the transaction. */
  readonly precheck?: (tx: EntityManager, ticket: TicketRecord) => Promise<void>;
  /** Stored evidence files the command attaches (desk's attachments/), taken inside the transaction. */
  readonly evidence?: (tx: EntityManager, ticket: TicketRecord) => Promise<EvidenceAttachment>;
}

export interface EvidenceAttachment {
  readonly attachments: readonly AttachmentMetadata[];
  readonly files: NonNullable<PublicationContext['files']>;
  /** Marks the files used, once the ticket's new version is known. */
  attached(tx: EntityManager, version: number): Promise<void>;
}

/**
 * Applies a command to one ticket: load it within the caller's scope (another unit's ticket is
 * "not found"), check the version, let the state machine decide, then store the snapshot, the
 * audit line and the events in one transaction.
 */
@Injectable()
export class TicketWorkflow {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: TicketEventPublisher,
    private readonly relay: OutboxRelay,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async callerOf(principal: AuthPrincipal): Promise<Caller> {
    const scope = await unitScopeOf(principal, new UserRepository(this.dataSource));
    return { actor: { role: principal.role, userId: principal.userId, unitCodes: scope.allUnits ? [] : scope.unitCodes }, scope };
  }

  async inbox(caller: Caller, filter: InboxFilter): Promise<Page<TicketSummaryView>> {
    const { items, total } = await new TicketRepository(this.dataSource.manager).inbox(caller.scope, filter);
    return { items: await new TicketOrigins(this.dataSource.manager).decorate(items.map(summaryView)), page: filter.page, pageSize: filter.pageSize, total };
  }

  async detail(id: string, viewer: Actor, scope: UnitScope): Promise<TicketDetailView> {
    const repo = new TicketRepository(this.dataSource.manager);
    const record = await repo.find(id, scope);
    if (!record) throw DeskRefusal.notFound();
    const [view] = await new TicketOrigins(this.dataSource.manager).decorate([detailView(record, await repo.history(id), viewer)]);
    return view;
  }

  async command(caller: Caller, ticketId: string, command: TicketCommand, options: CommandOptions): Promise<TicketDetailView> {
    await this.dataSource.transaction(async (tx) => {
      const repo = new TicketRepository(tx);
      const record = await repo.find(ticketId, caller.scope, true);
      if (!record) throw DeskRefusal.notFound();
      await this.apply(tx, record, command, caller.actor, options);
    });
    this.relay.nudge();
    // Unscoped on purpose: after "bukan kewenangan" the caller's own answer is the last they see of it.
    return this.detail(ticketId, caller.actor, ALL_UNITS);
  }

  /** The reporter's channel names the ticket by its tracking id and acts on its current version. */
  async reporterCommand(trackingId: string, command: TicketCommand, options: Pick<CommandOptions, 'evidence'> = {}): Promise<ReporterTicketView> {
    const reporter = { role: 'reporter' as const, userId: 'reporter-channel' };
    const decision = await this.dataSource.transaction(async (tx) => {
      const record = await new TicketRepository(tx).findByTrackingId(trackingId, true);
      if (!record) throw DeskRefusal.notFound();
      return this.apply(tx, record, command, reporter, { expectedVersion: null, ...options });
    });
    this.relay.nudge();
    // The channel relays to a citizen: the status only, never the unit's notes or history.
    const t = decision.ticket;
    return { trackingId, status: t.status, statusLabel: STATUS_LABELS[t.status].id, laporStatus: toLaporStatus(t), rating: t.rating };
  }

  private async apply(tx: EntityManager, record: TicketRecord, command: TicketCommand, actor: Actor, options: CommandOptions): Promise<TicketDecision> {
    const current = record.snapshot.version;
    if (options.expectedVersion !== null && options.expectedVersion !== current) throw DeskRefusal.versionConflict(current);
    const result = decide(record.snapshot, command, actor, this.clock.now());
    if (!result.ok) throw DeskRefusal.of(result.error);
    await options.precheck?.(tx, record);
    const evidence = (await options.evidence?.(tx, record)) ?? null;
    const attachments = [...(options.attachments ?? []), ...(evidence?.attachments ?? [])];
    const decision = result.value;
    const repo = new TicketRepository(tx);
    if (!(await repo.update(decision.ticket, current))) throw DeskRefusal.versionConflict(current + 1);
    await repo.appendAudit(decision.audit, attachments);
    await evidence?.attached(tx, decision.ticket.version);
    const context: PublicationContext = {
      complaint: record.complaint,
      receivedAt: record.snapshot.receivedAt,
      reason: decision.audit.reason,
      answer: command.type === 'post_answer' ? command.answer.trim() : undefined,
      attachmentCount: attachments.length,
      files: evidence?.files,
    };
    await this.publisher.publish(tx, decision.events, context);
    return decision;
  }
}
