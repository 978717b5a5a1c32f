import { Field, Int, ObjectType } from 'type-graphql';
import { Department } from './department.type';

@ObjectType({ description: 'Another department sharing measures or reform sheets with a department.' })
export class Collaboration {
  @Field(() => Department, { description: 'The other department.' })
  department!: Department;

  @Field(() => Int, { description: 'Measures (施策中項目) both are responsible for (deleted measures excluded).' })
  sharedMeasures!: number;

  @Field(() => Int, { description: 'Reform sheets both take part in (executing or partner).' })
  sharedReformSheets!: number;
}
