import { Agency } from './agency';
import { Event } from './event';
import { Jurisdiction } from './jurisdiction';
import { Organization } from './organization';
import { Person } from './person';
import { Program } from './program';

/** The concrete entity types: no query returns them by name, so the schema lists them explicitly. */
export const ENTITY_TYPES = [Person, Agency, Organization, Jurisdiction, Program, Event] as const;
