import { mailJobs } from './features/mail/mail.service';
import type { AppDeps } from './lib/http';
import type { JobDefinition } from './lib/queue';

/** Every background job of the app, registered on the queue by createApp. */
export function jobDefinitions(deps: AppDeps): JobDefinition<never>[] {
  return [...mailJobs(deps)];
}
