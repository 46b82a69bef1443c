import { defineMessages, translator } from '#server/lib/i18n';

/**
 * The groups feature's server texts in both UI languages: what each of its notifications says
 * (in the bell and in a mail), keyed `notification.<type>.{title,body}` over the `data` that
 * groups.service passes to notify(): groupName, proposer, requester, inviter, note.
 */
export const messages = defineMessages({
  en: {
    'notification.group_invite.title': '{inviter} invited you to “{groupName}”',
    'notification.group_invite.body': 'Open the group to accept or decline the invitation.',
    'notification.group_join_request.title': '{requester} asks to join “{groupName}”',
    'notification.group_join_request.body':
      'As an admin of the group you can approve or decline the request.',
    'notification.group_join_approved.title': 'You are now a member of “{groupName}”',
    'notification.group_join_approved.body': 'Your request to join was approved. Say hello in the group!',
    'notification.group_proposal.title': '{proposer} proposed a new group: “{groupName}”',
    'notification.group_proposal.body': 'Review the proposal under Admin → Groups.',
    'notification.group_proposal_decided.title': 'HR decided on your group “{groupName}”',
    'notification.group_proposal_decided.body.approve':
      'Your group was approved and is now open to members. {note}',
    'notification.group_proposal_decided.body.decline': 'Your group was not approved. {note}',
  },
  ja: {
    'notification.group_invite.title': '{inviter}さんから「{groupName}」に招待されました',
    'notification.group_invite.body': 'グループのページで、招待を受けるか辞退するかを選べます。',
    'notification.group_join_request.title': '{requester}さんが「{groupName}」への参加をリクエストしました',
    'notification.group_join_request.body': 'グループの管理者として、リクエストを承認または却下できます。',
    'notification.group_join_approved.title': '「{groupName}」に参加しました',
    'notification.group_join_approved.body':
      '参加リクエストが承認されました。グループであいさつしてみましょう。',
    'notification.group_proposal.title': '{proposer}さんが新しいグループ「{groupName}」を提案しました',
    'notification.group_proposal.body': '「管理 → グループ」から提案を確認してください。',
    'notification.group_proposal_decided.title':
      '提案したグループ「{groupName}」について人事部が判断しました',
    'notification.group_proposal_decided.body.approve':
      'グループが承認され、メンバーに公開されました。{note}',
    'notification.group_proposal_decided.body.decline': 'グループは承認されませんでした。{note}',
  },
});

/** `t(locale, key, params)` over these texts and the core ones. */
export const t = translator(messages);
