/** English UI text: `notifications` (assembled into web/i18n/en.ts). */
export const messages = {
  notifications: {
    bell: {
      label_zero: 'Notifications, none unread',
      label_one: '{{count}} unread notification',
      label_other: '{{count}} unread notifications',
    },
    title: 'Notifications',
    lead: 'What happened around you on Kizuna, grouped per conversation.',
    empty: 'Nothing yet. Comments, mentions, reactions, group news and new jobs for you appear here.',
    loadMore: 'Show older',
    markAllRead: 'Mark all read',
    markRead: 'Mark read',
    unread: 'Unread',
    latest: 'Latest: {{names}}',
    andOthers: '{{names}} and {{count}} more',
    someone: 'Someone',
    settingsLink: 'Notification settings',
    mute: {
      menu: 'Mute…',
      thread: 'Mute this conversation',
      person: 'Mute {{name}}',
      day: 'for a day',
      week: 'for a week',
      forever: 'until I unmute',
      done: 'Muted. You can unmute in the notification settings.',
    },
    types: {
      post_comment: {
        one: '{{actor}} commented on “{{title}}”',
        many: '{{count}} new comments on “{{title}}”',
      },
      comment_reply: {
        one: '{{actor}} replied to your comment on “{{title}}”',
        many: '{{count}} new replies to your comment on “{{title}}”',
      },
      mention: {
        one: '{{actor}} mentioned you in “{{title}}”',
        many: '{{count}} mentions of you in “{{title}}”',
      },
      reaction: {
        one: '{{actor}} reacted {{emoji}} to “{{title}}”',
        many: '{{count}} new reactions to “{{title}}”',
      },
      group_invite: {
        one: '{{actor}} invited you to the group “{{groupName}}”',
        many: '{{count}} invitations to the group “{{groupName}}”',
      },
      group_join_request: {
        one: '{{actor}} asks to join “{{groupName}}”',
        many: '{{count}} requests to join “{{groupName}}”',
      },
      group_join_approved: {
        one: 'You are now a member of “{{groupName}}”',
        many: 'You are now a member of “{{groupName}}”',
      },
      group_proposal: {
        one: '{{actor}} proposed a new group: “{{groupName}}”',
        many: '{{count}} proposals for the group “{{groupName}}”',
      },
      group_proposal_decided: {
        one: 'HR decided on the group you proposed: “{{groupName}}”',
        many: 'HR decided on the group you proposed: “{{groupName}}”',
      },
      content_hidden: {
        one: 'A moderator hid your post or comment “{{title}}”. Reason: {{reason}}',
        many: 'A moderator hid {{count}} of your posts or comments in “{{title}}”',
      },
      posting_suspended: {
        one: 'A moderator suspended your posting until {{until}}. Reason: {{reason}}',
        many: 'A moderator suspended your posting until {{until}}',
      },
      job_alert: {
        one: 'A new job matches your alert: “{{title}}”',
        many: 'A new job matches your alert: “{{title}}”',
      },
      advice_request: {
        one: '{{actor}} sent you an advice request',
        many: '{{count}} advice requests for you',
      },
      advice_request_decided: {
        one: '{{actor}} answered your advice request',
        many: '{{count}} answers to your advice requests',
      },
      message: {
        one: '{{actor}} sent you a message',
        many: '{{count}} new messages',
      },
      connection_request: {
        one: '{{actor}} asks to connect with you',
        many: '{{count}} people ask to connect with you',
      },
      connection_accepted: {
        one: '{{actor}} accepted your connection request',
        many: '{{count}} people accepted your connection requests',
      },
      event_confirmed: {
        one: 'You have a seat at “{{title}}”',
        many: 'You have a seat at “{{title}}”',
      },
      event_waitlisted: {
        one: '“{{title}}” is full: you are on the waitlist',
        many: '“{{title}}” is full: you are on the waitlist',
      },
      event_offered: {
        one: 'A seat at “{{title}}” is free for you: claim it by {{until}}',
        many: 'A seat at “{{title}}” is free for you: claim it by {{until}}',
      },
      event_approved: {
        one: 'The host approved your registration for “{{title}}”',
        many: 'The host approved your registration for “{{title}}”',
      },
      event_declined: {
        one: 'The host could not accept your registration for “{{title}}”',
        many: 'The host could not accept your registration for “{{title}}”',
      },
      event_changed: {
        one: 'The time or place of “{{title}}” has changed',
        many: '“{{title}}” changed {{count}} times',
      },
      event_cancelled: {
        one: '“{{title}}” has been cancelled',
        many: '“{{title}}” has been cancelled',
      },
      event_reminder: {
        one: 'Reminder: “{{title}}” starts soon',
        many: 'Reminder: “{{title}}” starts soon',
      },
      event_survey: {
        one: 'How was “{{title}}”? A short survey for the hosts',
        many: 'How was “{{title}}”? A short survey for the hosts',
      },
    },
    settings: {
      title: 'Notification settings',
      lead: 'Choose, for each kind of notification, where it reaches you. Everything except “Off” also appears under the bell.',
      channel: {
        in_app: 'Bell only',
        email: 'Bell and e-mail at once',
        digest: 'Bell and weekly digest',
        off: 'Off',
      },
      required: 'Moderation notices always reach you.',
      save: 'Save',
      saved: 'Your notification settings are saved.',
      mutesTitle: 'Muted',
      mutesEmpty: 'You have muted nothing.',
      mutedThread: 'Conversation: {{label}}',
      mutedPerson: 'Person: {{label}}',
      until: 'until {{date}}',
      forever: 'until you unmute',
      unmute: 'Unmute',
      labels: {
        post_comment: 'Comments on your posts',
        comment_reply: 'Replies to your comments',
        mention: 'Mentions of you',
        reaction: 'Reactions to your posts',
        group_invite: 'Group invitations',
        group_join_request: 'Requests to join groups you run',
        group_join_approved: 'Your requests to join, approved',
        group_proposal: 'Proposed groups (HR)',
        group_proposal_decided: 'Decisions on groups you proposed',
        content_hidden: 'Your content hidden by a moderator',
        posting_suspended: 'Posting suspended by a moderator',
        job_alert: 'New jobs matching your alerts',
        advice_request: 'Advice requests sent to you',
        advice_request_decided: 'Answers to your advice requests',
        message: 'New messages (one e-mail per conversation, a few minutes later)',
        connection_request: 'Connection requests',
        connection_accepted: 'Accepted connection requests',
        event_confirmed: 'Your seat at an event confirmed',
        event_waitlisted: 'Put on an event’s waitlist',
        event_offered: 'A seat freed for you from the waitlist (claim by a deadline)',
        event_approved: 'Your event registration approved',
        event_declined: 'Your event registration declined',
        event_changed: 'Changes to the time or place of your events',
        event_cancelled: 'Your events cancelled',
        event_reminder: 'Reminders a day and an hour before your events',
        event_survey: 'Surveys after the events you attended',
      },
    },
  },
};
