/** The demo's people by name, from what seeding returned (GET /demo.json answers the same). */
import type { DemoCast } from '../../../localcloud/preview';

export function openidOf(cast: DemoCast, name: string): string {
  const person = cast.people.find((p) => p.name === name);
  if (!person) throw new Error(`nobody called ${name} in the demo`);
  return person.openid;
}
