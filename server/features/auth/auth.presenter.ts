import type { Me } from '../../../common/invitations';
import type { Viewer } from '../access/access.policy';

export const presentMe = (viewer: Viewer): Me => ({
  id: viewer.id,
  email: viewer.email,
  role: viewer.role,
  displayName: viewer.displayName,
  locale: viewer.locale,
});
