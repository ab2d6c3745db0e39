import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { PreparedStatement } from '#libs/platform';
import { MeViewReader } from '../../application/ports/me-view.reader.port.js';
import type { MeView } from '../../application/queries/get-me/get-me.query.js';

interface MeRow {
  id: string;
  email: string;
  organization: string;
  locale: MeView['locale'];
  password_changed_at: Date | string | null;
  created_at: Date | string;
}

const VIEW = new PreparedStatement<MeRow>(
  `select a.id, a.email, o.name as organization, a.locale, a.password_changed_at, a.created_at
     from accounts a join organizations o on o.id = a.organization_id where a.id = $1`,
);

const iso = (value: Date | string): string => new Date(value).toISOString();

/**
 * One joined query instead of loading two aggregates: the benchmark measured it at half the CPU. A
 * prepared statement on a pooled connection, not through the request's EntityManager: a read of committed
 * rows needs no fork of its own (identity map, unit of work), and PostgreSQL plans it once per connection —
 * most of its cost when Redis is down and every view comes from here.
 */
@Injectable()
export class SqlMeViewReader extends MeViewReader {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async read(accountId: string): Promise<MeView | null> {
    const [row] = await VIEW.run(this.em, [accountId]);
    if (!row) return null;
    return {
      id: row.id,
      email: row.email,
      organization: row.organization,
      locale: row.locale,
      passwordChangedAt: row.password_changed_at === null ? null : iso(row.password_changed_at),
      createdAt: iso(row.created_at),
    };
  }
}
