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

/** A unit's Asda group as announced to the other services (`unit.regrouped`). */
export interface UnitRegrouping {
  unitCode: string;
  asdaGroup: AsdaGroupCode;
  previousAsdaGroup: AsdaGroupCode;
  changedAt: Date;
}

// Later than the unit's last announcement whatever the clock says: the other services keep the latest changedAt.
const NEXT_CHANGED_AT = (now: string) => `GREATEST(${now}::timestamptz, "asda_changed_at" + interval '1 millisecond')`;

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
   * The unit after the change, and the regrouping to announce when it is one to the other services
   * (read under the row lock, so concurrent regroupings chain). Null for an unknown unit.
   */
  async setUnitAsda(code: string, group: AsdaGroupCode, now: Date): Promise<{ unit: UnitView; regrouping: UnitRegrouping | null } | null> {
    const [rows] = await this.db.query(
      `UPDATE "${this.s}"."units" AS u SET "asda_group" = $2, "asda_announced" = $2,
         "asda_changed_at" = CASE WHEN p."announced" = $2 THEN u."asda_changed_at" ELSE ${NEXT_CHANGED_AT('$3')} END
       FROM (SELECT "code", COALESCE("asda_announced", "asda_group") AS "announced" FROM "${this.s}"."units" WHERE "code" = $1 FOR UPDATE) AS p
       WHERE u."code" = p."code" RETURNING u.*, p."announced"`,
      [code, group, now],
    );
    const r = rows[0];
    if (!r) return null;
    return { unit: unitOf(r), regrouping: r.announced === group ? null : { unitCode: r.code, asdaGroup: group, previousAsdaGroup: r.announced, changedAt: r.asda_changed_at } };
  }

  /** Marks announced every unit whose group differs from the one last announced (a change made past the API), and returns those regroupings. */
  async takeUnannouncedRegroupings(now: Date): Promise<UnitRegrouping[]> {
    const [rows] = await this.db.query(
      `WITH due AS (SELECT "code", "asda_announced" FROM "${this.s}"."units" WHERE "asda_group" IS DISTINCT FROM "asda_announced" FOR UPDATE)
       UPDATE "${this.s}"."units" AS u SET "asda_announced" = u."asda_group", "asda_changed_at" = ${NEXT_CHANGED_AT('$1')}
       FROM due WHERE u."code" = due."code"
       RETURNING u."code", u."asda_group", COALESCE(due."asda_announced", u."asda_group") AS "previous", u."asda_changed_at"`,
      [now],
    );
    return (rows as any[])
      .map((r: any) => ({ unitCode: r.code, asdaGroup: r.asda_group, previousAsdaGroup: r.previous, changedAt: r.asda_changed_at }))
      .sort((a: UnitRegrouping, b: UnitRegrouping) => a.unitCode.localeCompare(b.unitCode));
  }
}
