import { randomUUID } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PasswordHasher, TokenError, TokenIssuer, UNIT_ROLES, type AsdaGroupCode, type AuthPrincipal, type PrincipalValidator, type StaffRole } from '@bekasi/auth';
import { CLOCK, type Clock } from '@bekasi/clock';
import { UnitRegroupedV1 } from '@bekasi/contracts';
import { OutboxWriter, type OutboxItem } from '@bekasi/messaging';
import { SERVICE_CONFIG } from '@bekasi/platform';
import type { LoginResult, UnitView, UserView } from '@bekasi/desk-client';
import type { DeskConfig } from '../desk.config';
import { publicUser, UserRepository, type UnitRegrouping, type UserRecord } from '../persistence/user.repository';
import { DeskRefusal } from '../tickets/desk-refusal';

export interface UserBinding {
  role: StaffRole;
  unitCode: string | null;
  asdaGroup: AsdaGroupCode | null;
}


const invalidSession = () =>
  new UnauthorizedException({ statusCode: 401, error: 'INVALID_TOKEN', message: 'Sesi tidak berlaku lagi, silakan masuk kembali.' });

/** The outbox row announcing a regrouping to sla, escalation and ikp (subject and key: the unit code). */
export function unitRegroupedItem(r: UnitRegrouping, changedBy: string): OutboxItem {
  return {
    definition: UnitRegroupedV1,
    data: { unitCode: r.unitCode, asdaGroup: r.asdaGroup, previousAsdaGroup: r.previousAsdaGroup, changedAt: r.changedAt.toISOString(), changedBy },
    options: { subject: r.unitCode, time: r.changedAt },
  };
}

export function principalOfUser(u: UserRecord): AuthPrincipal {
  return { userId: u.id, username: u.username, role: u.role, unitCode: u.unitCode, asdaGroup: u.asdaGroup, sessionVersion: u.sessionVersion };
}

/** Users, their units and sessions; also what the auth guard asks whether a token still stands for the user. */
@Injectable()
export class UserDirectory implements PrincipalValidator {
  private readonly users: UserRepository;
  /** Verifying a password for an unknown user costs the same as for a known one (no username probing by timing). */
  private unknownUserHash?: Promise<string>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenIssuer,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: DeskConfig,
  ) {
    this.users = new UserRepository(dataSource);
  }

  /** A token stands only while the user is active and unchanged since it was issued. */
  async validate(principal: AuthPrincipal): Promise<AuthPrincipal | null> {
    const user = await this.users.byId(principal.userId);
    if (!user || !user.active || user.sessionVersion !== principal.sessionVersion) return null;
    return principalOfUser(user);
  }

  async login(username: string, password: string): Promise<LoginResult> {
    const user = await this.users.byUsername(username);
    this.unknownUserHash ??= this.hasher.hash(randomUUID());
    const valid = await this.hasher.verify(user?.passwordHash ?? (await this.unknownUserHash), password);
    if (!user || !valid || !user.active) {
      throw new UnauthorizedException({ statusCode: 401, error: 'INVALID_CREDENTIALS', message: 'Nama pengguna atau kata sandi salah.' });
    }
    return this.session(user);
  }

  /** A new access token (and refresh token, same absolute end) while the user is active and unchanged. */
  async refresh(refreshToken: string): Promise<LoginResult> {
    let claims;
    try {
      claims = this.tokens.verifyRefresh(refreshToken);
    } catch (err) {
      if (!(err instanceof TokenError)) throw err;
      throw invalidSession();
    }
    const user = await this.users.byId(claims.userId);
    if (!user || !user.active || user.sessionVersion !== claims.sessionVersion) throw invalidSession();
    return this.session(user, claims.sessionEnd);
  }

  /** Ends every session of the user: desk refuses their tokens at once, the other services within a minute. */
  async logout(principal: AuthPrincipal): Promise<void> {
    await this.users.update(principal.userId, {}, this.clock.now());
  }

  private session(user: UserRecord, sessionEnd?: number): LoginResult {
    const principal = principalOfUser(user);
    const refresh = this.tokens.issueRefresh(principal, sessionEnd);
    return {
      accessToken: this.tokens.issueAccess(principal),
      tokenType: 'Bearer',
      expiresIn: this.tokens.accessTtlSeconds,
      refreshToken: refresh.token,
      refreshExpiresIn: refresh.expiresIn,
      user: publicUser(user),
    };
  }

  async me(principal: AuthPrincipal): Promise<UserView> {
    const user = await this.users.byId(principal.userId);
    if (!user) throw new DeskRefusal(404, 'USER_NOT_FOUND', 'Pengguna tidak ditemukan.');
    return publicUser(user);
  }

  async list(): Promise<UserView[]> {
    return (await this.users.list()).map(publicUser);
  }

  async create(input: UserBinding & { username: string; displayName: string; password: string }): Promise<UserView> {
    const binding = await this.checkBinding(input);
    const id = randomUUID();
    const passwordHash = await this.hasher.hash(input.password);
    const username = input.username.trim().toLowerCase();
    const inserted = await this.users.insert({ id, username, displayName: input.displayName.trim(), ...binding, passwordHash, active: true }, this.clock.now());
    if (!inserted) throw new DeskRefusal(409, 'USERNAME_TAKEN', `Nama pengguna "${username}" sudah dipakai.`);
    return publicUser((await this.users.byId(id))!);
  }

  async update(id: string, changes: Partial<UserBinding> & { displayName?: string }): Promise<UserView> {
    const current = await this.existing(id);
    const binding = await this.checkBinding({
      role: changes.role ?? current.role,
      unitCode: changes.unitCode !== undefined ? changes.unitCode : changes.role && !UNIT_ROLES.includes(changes.role) ? null : current.unitCode,
      asdaGroup: changes.asdaGroup !== undefined ? changes.asdaGroup : changes.role && changes.role !== 'asda' ? null : current.asdaGroup,
    });
    return publicUser((await this.users.update(id, { ...binding, displayName: changes.displayName?.trim() }, this.clock.now()))!);
  }

  async deactivate(id: string): Promise<UserView> {
    await this.existing(id);
    return publicUser((await this.users.update(id, { active: false }, this.clock.now()))!);
  }

  async resetPassword(id: string, password: string): Promise<UserView> {
    await this.existing(id);
    const passwordHash = await this.hasher.hash(password);
    return publicUser((await this.users.update(id, { passwordHash }, this.clock.now()))!);
  }

  units(): Promise<UnitView[]> {
    return this.users.units();
  }

  /** Moves a unit to another Asda group; `unit.regrouped` in the same transaction carries it to sla, escalation and ikp. */
  async setUnitAsda(code: string, group: AsdaGroupCode, admin: AuthPrincipal): Promise<UnitView> {
    const unitCode = code.toUpperCase();
    return this.dataSource.transaction(async (tx) => {
      const changed = await new UserRepository(tx).setUnitAsda(unitCode, group, this.clock.now());
      if (!changed) throw new DeskRefusal(404, 'UNIT_NOT_FOUND', `Unit "${code}" tidak dikenal.`);
      if (changed.regrouping) await this.outbox.appendMany(tx, [unitRegroupedItem(changed.regrouping, admin.username)]);
      return changed.unit;
    });
  }

  private async existing(id: string): Promise<UserRecord> {
    const user = /^[0-9a-f-]{36}$/i.test(id) ? await this.users.byId(id) : null;
    if (!user) throw new DeskRefusal(404, 'USER_NOT_FOUND', 'Pengguna tidak ditemukan.');
    return user;
  }

  /** Officer and unit head belong to one known unit, Asda to one group, the rest to neither. */
  private async checkBinding(b: Partial<UserBinding> & { role: StaffRole }): Promise<UserBinding> {
    const unitBound = UNIT_ROLES.includes(b.role);
    const unitCode = unitBound ? (b.unitCode ?? '').trim().toUpperCase() : null;
    if (unitBound && !unitCode) throw new DeskRefusal(422, 'UNIT_REQUIRED', 'Petugas dan kepala unit wajib terikat pada satu unit.');
    if (unitCode && !(await this.users.unit(unitCode))) throw new DeskRefusal(422, 'UNKNOWN_UNIT', `Unit "${unitCode}" tidak dikenal.`);
    if (!unitBound && b.unitCode) throw new DeskRefusal(422, 'UNIT_NOT_ALLOWED', 'Peran ini tidak terikat pada unit.');
    const asdaGroup = b.role === 'asda' ? (b.asdaGroup ?? null) : null;
    if (b.role === 'asda' && !asdaGroup) throw new DeskRefusal(422, 'ASDA_GROUP_REQUIRED', 'Asisten Daerah wajib memilih kelompok (I, II atau III).');
    if (b.role !== 'asda' && b.asdaGroup) throw new DeskRefusal(422, 'ASDA_GROUP_NOT_ALLOWED', 'Hanya Asisten Daerah yang memiliki kelompok.');
    return { role: b.role, unitCode, asdaGroup };
  }
}
