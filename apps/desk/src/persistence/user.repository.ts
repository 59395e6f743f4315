import type { DataSource, EntityManager } from 'typeorm';
import type { AsdaGroupCode, StaffRole } from '@bekasi/auth';
import type { UnitView, UserView } from '@bekasi/desk-client';
import { schemaOfManager } from '@bekasi/messaging';

export interface UserRecord extends UserView {
  passwordHash: string;
  sessionVersion: number;
}

function userOf(r: any): UserRecord {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role as StaffRole,
    unitCode: r.unit_code,
    asdaGroup: r.asda_group as AsdaGroupCode | null,
    active: r.active,
    passwordHash: r.password_hash,
    sessionVersion: r.session_version,
  };
}

export function publicUser(u: UserRecord): UserView {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, unitCode: u.unitCode, asdaGroup: u.asdaGroup, active: u.active };
}

function unitOf(r: any): UnitView {
  return { code: r.code, name: r.name, abbr: r.abbr, kind: r.kind, asdaGroup: r.asda_group, kecamatanCode: r.kecamatan_code };
}

/** Users and units of desk's schema. */
export class UserRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  private get s(): string {
    return schemaOfManager('manager' in this.db ? this.db.manager : this.db);
  }

  async byId(id: string): Promise<UserRecord | null> {
    const rows = await this.db.query(`SELECT * FROM "${this.s}"."users" WHERE "id" = $1`, [id]);
    return rows[0] ? userOf(rows[0]) : null;
  }

  async byUsername(username: string): Promise<UserRecord | null> {
    const rows = await this.db.query(`SELECT * FROM "${this.s}"."users" WHERE "username" = $1`, [username.trim().toLowerCase()]);
    return rows[0] ? userOf(rows[0]) : null;
  }

  async list(): Promise<UserRecord[]> {
    return (await this.db.query(`SELECT * FROM "${this.s}"."users" ORDER BY "role", "username"`)).map(userOf);
  }

  async existingUsernames(usernames: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.query(`SELECT "username" FROM "${this.s}"."users" WHERE "username" = ANY($1::text[])`, [[...usernames]]);
    return new Set(rows.map((r: any) => r.username));
  }

  /** Inserts the user unless the username is taken; returns whether it was inserted. */
  async insert(u: Omit<UserRecord, 'sessionVersion'>, now: Date): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO "${this.s}"."users" ("id","username","display_name","role","unit_code","asda_group","password_hash","active","created_at","updated_at")
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$9) ON CONFLICT ("username") DO NOTHING RETURNING "id"`,
      [u.id, u.username, u.displayName, u.role, u.unitCode, u.asdaGroup, u.passwordHash, u.active, now],
    );
    return rows.length === 1;
  }

  /** Any change to who the user is or how they sign in ends their current sessions. */
  async update(id: string, changes: Partial<Pick<UserRecord, 'displayName' | 'role' | 'unitCode' | 'asdaGroup' | 'active' | 'passwordHash'>>, now: Date): Promise<UserRecord | null> {
    const columns: Record<string, string> = {
      displayName: 'display_name',
      role: 'role',
      unitCode: 'unit_code',
      asdaGroup: 'asda_group',
      active: 'active',
      passwordHash: 'password_hash',
    };
    const params: unknown[] = [id, now];
    const sets = ['"updated_at" = $2', '"session_version" = "session_version" + 1'];
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      params.push(value);
      sets.push(`"${columns[key]}" = $${params.length}`);
    }
    const [rows] = await this.db.query(`UPDATE "${this.s}"."users" SET ${sets.join(', ')} WHERE "id" = $1 RETURNING *`, params);
    return rows[0] ? userOf(rows[0]) : null;
  }

  async units(): Promise<UnitView[]> {
    return (await this.db.query(`SELECT * FROM "${this.s}"."units" ORDER BY "kind" = 'kecamatan', "code"`)).map(unitOf);
  }

  async unit(code: string): Promise<UnitView | null> {
    const rows = await this.db.query(`SELECT * FROM "${this.s}"."units" WHERE "code" = $1`, [code]);
    return rows[0] ? unitOf(rows[0]) : null;
  }

  async unitsOfAsda(group: AsdaGroupCode): Promise<string[]> {
    return (await this.db.query(`SELECT "code" FROM "${this.s}"."units" WHERE "asda_group" = $1`, [group])).map((r: any) => r.code);
  }

  /**
   * The unit after the change, and the group the other services last heard of (read under the row
   * lock, so concurrent regroupings chain); the caller announces the change when it is one to them.
   */
  async setUnitAsda(code: string, group: AsdaGroupCode): Promise<{ unit: UnitView; announcedAsdaGroup: AsdaGroupCode } | null> {
    const [rows] = await this.db.query(
      `UPDATE "${this.s}"."units" AS u SET "asda_group" = $2, "asda_announced" = $2
       FROM (SELECT "code", COALESCE("asda_announced", "asda_group") AS "announced" FROM "${this.s}"."units" WHERE "code" = $1 FOR UPDATE) AS p
       WHERE u."code" = p."code" RETURNING u.*, p."announced"`,
      [code, group],
    );
    return rows[0] ? { unit: unitOf(rows[0]), announcedAsdaGroup: rows[0].announced } : null;
  }
}
