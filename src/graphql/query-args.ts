import { ArgsType, Field, Int } from 'type-graphql';
import { EntityKind } from './entity';
import { AFTER, rootFirst } from './page-args';
import { StanceKind } from './stance';

const REF = 'An entity id, name or alias (case-insensitive).';
const DATE = 'ISO date YYYY, YYYY-MM or YYYY-MM-DD; an event is in range when any of its days is.';

/*
 * The arguments of each paginated query, declared once for its list field and its connection field. The
 * compiler reads them from the request; these classes exist for the schema.
 */

@ArgsType()
export class SearchArgs {
  @Field(() => String)
  text!: string;

  @Field(() => [EntityKind], { nullable: true, description: 'Only these kinds.' })
  kinds?: EntityKind[] | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Also match names with a word that starts with the last word of the text (search as you type).',
  })
  prefix!: boolean;

  @Field(() => Int, rootFirst(10))
  first!: number;

  @Field(() => String, AFTER)
  after?: string | null;
}

@ArgsType()
export class StancesArgs {
  @Field(() => StanceKind)
  kind!: StanceKind;

  @Field(() => String, {
    nullable: true,
    description: `Only stances on events initiated by this entity or by a person holding a role there. ${REF}`,
  })
  actionBy?: string | null;

  @Field(() => String, { nullable: true, description: `Only this actor's stances. ${REF}` })
  actor?: string | null;

  @Field(() => Int, rootFirst(50))
  first!: number;

  @Field(() => String, AFTER)
  after?: string | null;
}

@ArgsType()
export class EventsArgs {
  @Field(() => String, {
    nullable: true,
    description: `Initiated by this entity or by a person holding a role there. ${REF}`,
  })
  by?: string | null;

  @Field(() => String, { nullable: true, description: `Targeting this entity. ${REF}` })
  target?: string | null;

  @Field(() => String, { nullable: true, description: `Concerning this program. ${REF}` })
  program?: string | null;

  @Field(() => String, { nullable: true, description: `From this date. ${DATE}` })
  from?: string | null;

  @Field(() => String, { nullable: true, description: `Up to this date. ${DATE}` })
  to?: string | null;

  @Field(() => Int, rootFirst(50))
  first!: number;

  @Field(() => String, AFTER)
  after?: string | null;
}
