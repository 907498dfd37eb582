import type { AppDeps } from './deps.js';
import type { Principal } from './http/principal.js';

/** What a service verb knows about the call: who, in which district, when. Nothing of HTTP. */
export interface ServiceContext {
  deps: AppDeps;
  principal: Principal;
  districtId: string;
  now: Date;
}
