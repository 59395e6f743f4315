import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PasswordHasher, type AsdaGroupCode, type StaffRole } from '@bekasi/auth';
import { CLOCK, type Clock } from '@bekasi/clock';
import { ConfigError, LOGGER, SERVICE_CONFIG, type AppLogger } from '@bekasi/platform';
import type { DeskConfig } from '../desk.config';
import { UserRepository } from '../persistence/user.repository';

/** For demos only; the README names it. Never set DEMO_SEED in production. */
export const DEMO_PASSWORD = 'bekasi-demo-2026';

export interface DemoUser {
  username: string;
  displayName: string;
  role: StaffRole;
  unitCode: string | null;
  asdaGroup: AsdaGroupCode | null;
}

/** One user per regency-wide role, one Asda per group, and an officer and a unit head per unit. */
export function demoUsersFor(units: readonly { code: string; abbr: string }[]): DemoUser[] {
  const users: DemoUser[] = [
    { username: 'admin', displayName: 'Admin LAPOR! Diskominfosantik', role: 'admin', unitCode: null, asdaGroup: null },
    { username: 'sekda', displayName: 'Sekretaris Daerah', role: 'sekda', unitCode: null, asdaGroup: null },
    { username: 'bupati', displayName: 'Bupati Bekasi', role: 'bupati', unitCode: null, asdaGroup: null },
    { username: 'asda1', displayName: 'Asisten Daerah I', role: 'asda', unitCode: null, asdaGroup: 'I' },
    { username: 'asda2', displayName: 'Asisten Daerah II', role: 'asda', unitCode: null, asdaGroup: 'II' },
    { username: 'asda3', displayName: 'Asisten Daerah III', role: 'asda', unitCode: null, asdaGroup: 'III' },
  ];
  for (const unit of units) {
    const slug = unit.code.toLowerCase();
    users.push({ username: `officer.${slug}`, displayName: `Petugas ${unit.abbr}`, role: 'officer', unitCode: unit.code, asdaGroup: null });
    users.push({ username: `head.${slug}`, displayName: `Kepala ${unit.abbr}`, role: 'unit_head', unitCode: unit.code, asdaGroup: null });
  }
  return users;
}

/**
 * Seeds the demo users when DEMO_SEED=true. Idempotent: existing usernames are left alone (their
 * password too). The shared demo password is hashed once per start and the hash reused, so seeding
 * about a hundred users costs one argon2id hash rather than a hundred.
 */
@Injectable()
export class DemoSeed implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: DeskConfig,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  async onApplicationBootstrap() {
    if (this.config.NODE_ENV === 'production') await this.refuseDemoUsers();
    if (this.config.DEMO_SEED) await this.seed();
  }

  /** Production with a demo user that still has the published password: refuse to start, naming them. */
  private async refuseDemoUsers(): Promise<void> {
    const repo = new UserRepository(this.dataSource);
    const regencyWide = demoUsersFor([]).map((u) => u.username);
    const found: string[] = [];
    for (const username of regencyWide) {
      const user = await repo.byUsername(username);
      if (user?.active && (await this.hasher.verify(user.passwordHash, DEMO_PASSWORD))) found.push(username);
    }
    if (found.length > 0) {
      throw new ConfigError([`NODE_ENV=production refuses demo users with the published password: ${found.join(', ')} (change their passwords or deactivate them)`]);
    }
  }

  async seed(): Promise<number> {
    const repo = new UserRepository(this.dataSource);
    const wanted = demoUsersFor(await repo.units());
    const existing = await repo.existingUsernames(wanted.map((u) => u.username));
    const missing = wanted.filter((u) => !existing.has(u.username));
    if (missing.length === 0) return 0;
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    let created = 0;
    for (const u of missing) if (await repo.insert({ id: randomUUID(), ...u, passwordHash, active: true }, this.clock.now())) created++;
    this.logger.info({ created }, 'demo users seeded');
    return created;
  }
}
