import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '#libs/building-blocks';
import { MeViewReader } from '../../ports/me-view.reader.port.js';
import { GetMe, type MeView } from './get-me.query.js';

@QueryHandler(GetMe)
export class GetMeHandler implements IQueryHandler<GetMe> {
  constructor(private readonly reader: MeViewReader) {}

  async execute({ accountId }: GetMe): Promise<MeView> {
    const view = await this.reader.read(accountId);
    if (!view) throw new NotFoundError('The account no longer exists.');
    return view;
  }
}
