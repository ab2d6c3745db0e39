import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
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

const iso = (value: Date | string): string => new Date(value).toISOString();

/**
 * One joined query instead of loading two aggregates: the benchmark measured it at half the CPU. On the
 * connection, not through the request's EntityManager: a read of committed rows needs no fork of its own
 * (identity map, unit of work), which is most of its cost when Redis is down and every view comes from here.
 */
@Injectable()
export class SqlMeViewReader extends MeViewReader {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async read(accountId: string): Promise<MeView | null> {
    const [row] = await this.em.getConnection().execute<MeRow[]>(
      `select a.id, a.email, o.name as organization, a.locale, a.password_changed_at, a.created_at
         from accounts a join organizations o on o.id = a.organization_id where a.id = ?`,
      [accountId],
    );
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
