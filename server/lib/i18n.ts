import type { z } from 'zod';
import type { Locale } from '#common/locale';

/**
 * Server-side messages (errors, validation, mail) in both UI languages. The web app has its own
 * catalogue for everything else (web/i18n). Keys starting with `kz.` come from common/ schemas.
 */
const messages = {
  en: {
    'error.bad_request': 'Some fields need your attention.',
    'error.unauthenticated': 'Please sign in.',
    'error.forbidden_origin': 'This request came from another site and was refused.',
    'error.not_found': 'Not found.',
    'error.conflict': 'This conflicts with existing data.',
    'error.payload_too_large': 'The request is too large.',
    'error.rate_limited': 'Too many requests. Please wait a moment.',
    'error.internal': 'Something went wrong on our side. Please try again.',
    'error.unstorable_text':
      'Some text contains a character that cannot be saved (such as a NUL character). Remove it and try again.',
    'error.invitation_used': 'This invitation has already been used.',
    'error.invitation_expired': 'This invitation has expired. Ask HR for a new one.',
    'error.email_taken': 'A member with this email address already exists.',
    'error.invitation_pending': 'An invitation for this email address is already pending.',
    'error.employee_number_taken': 'Another member has this employee number.',
    'error.visibility_limit': 'HR does not allow this field to be shown this widely.',
    'error.not_editable': 'Only HR can change this field.',
    'v.required': 'Required.',
    'v.invalid': 'Invalid value.',
    'v.type': 'Expected {expected}.',
    'v.tooShort': 'Must be at least {n} characters.',
    'v.tooLong': 'Must be at most {n} characters.',
    'v.tooFewItems': 'Choose at least {n}.',
    'v.tooManyItems': 'At most {n} items.',
    'v.tooSmall': 'Must be at least {n}.',
    'v.tooBig': 'Must be at most {n}.',
    'v.oneOf': 'Must be one of: {values}.',
    'v.unknownKey': 'Unknown field: {keys}.',
    'v.malformedText': 'Contains a character that cannot be used (a broken character).',
    'kz.boolean': 'Use true or false.',
    'kz.kana': 'Use hiragana or katakana only.',
    'kz.romaji': 'Use Latin letters only.',
    'kz.date': 'Use a date such as 2024-04-01.',
    'kz.url': 'Use a web address starting with https://',
    'kz.country': 'Use a two-letter country code such as JP.',
    'kz.language': 'Use a two-letter language code such as ja.',
    'kz.email': 'Enter a valid email address.',
    'kz.leftBeforeJoined': 'The last day cannot be before the first day.',
    'kz.rangeOrder': 'The maximum must not be below the minimum.',
    'kz.passwordLength': 'Use at least 12 characters.',
    'kz.passwordMatch': 'The passwords do not match.',
    // My data: export, deletion, retention (server/features/privacy)
    'kz.confirmWord': 'Type the confirmation word exactly as shown.',
    'error.wrong_password': 'The password is not correct.',
    'error.last_admin': 'This is the last admin account. Make another member admin first.',
    'mail.retention.subject': 'Your Kizuna account will be deleted unless you sign in',
    'mail.retention.body':
      'Dear {name},\n\nYou have not signed in to Kizuna for more than {years} years. Under our data retention rules, your account and the personal data we hold about you will be deleted.\n\nTo keep your account, simply sign in before {date}:\n{url}\n\nIf you no longer need it, you do not have to do anything.\nThe Kizuna team',
    'kz.consentTextChanged': 'The consent texts have changed. Please reload the page and read them again.',
    // HR CSV import (server/features/hr-records)
    'error.import_too_large': 'The file is larger than the upload limit of {limit}.',
    'error.import_empty': 'The file has no header row. Upload a CSV whose first line names the columns.',
    'error.import_utf16':
      'This file is UTF-16 text. In Excel, save it as "CSV UTF-8" or "CSV (comma delimited)".',
    'error.import_unreadable': 'The file could not be read as CSV.',
    'error.import_started': 'This import has already started; its mapping can no longer be changed.',
    'error.import_not_ready': 'Confirm the column mapping before starting the import.',
    'error.import_finished': 'This import has already finished.',
    'import.mapping.required': 'Map a column to this field.',
    'import.mapping.unknownHeader': 'The file has no such column.',
    'import.mapping.duplicateField': 'Another column is already mapped to this field.',
    'import.reason.required': 'Required.',
    'import.reason.too_long': 'Too long.',
    'import.reason.invalid_date': 'Not a date (use 2024-04-01 or 2024/4/1).',
    'import.reason.invalid_email': 'Not a valid email address.',
    'import.reason.invalid_kana': 'Use hiragana or katakana only.',
    'import.reason.invalid_romaji': 'Use Latin letters only.',
    'import.reason.invalid_locale': 'Use ja or en.',
    'import.reason.left_before_joined': 'The last day is before the first day.',
    'import.reason.too_many_departments': 'At most 20 departments.',
    'import.reason.duplicate_in_file':
      'This employee number appears earlier in the file; the earlier row was imported.',
    'import.reason.erased': 'Not imported: this person asked for their data to be erased.',
    'import.reason.column_count': 'The row has fewer columns than the header.',
    'import.reason.malformed': 'The row could not be read (for example an unclosed quote).',
    'import.reason.nul_character':
      'Contains a NUL character (U+0000) that cannot be stored. Remove it in the source file.',
    'import.failure.file_missing': 'The uploaded file is no longer on the server. Please upload it again.',
    'import.failure.unreadable': 'The file could not be read as CSV.',
    'import.failure.internal': 'The import stopped because of a server error. Rows imported so far are kept.',
    'import.csv.line': 'Line',
    'import.csv.employeeNumber': 'Employee number',
    'import.csv.reasons': 'Reasons',
    'import.field._row': 'Row',
    'import.field.employeeNumber': 'Employee number',
    'import.field.familyName': 'Family name',
    'import.field.givenName': 'Given name',
    'import.field.fullName': 'Full name',
    'import.field.familyNameKana': 'Family name (kana)',
    'import.field.givenNameKana': 'Given name (kana)',
    'import.field.fullNameKana': 'Full name (kana)',
    'import.field.familyNameRomaji': 'Family name (romaji)',
    'import.field.givenNameRomaji': 'Given name (romaji)',
    'import.field.workEmail': 'Work email',
    'import.field.personalEmail': 'Personal email',
    'import.field.joinedOn': 'Joined on',
    'import.field.leftOn': 'Left on',
    'import.field.departments': 'Departments',
    'import.field.lastTitle': 'Last title',
    'import.field.office': 'Office',
    'import.field.leaveReason': 'Leave reason',
    'import.field.locale': 'Language',
    'mail.invitation.subject': 'You are invited to the Kizuna alumni network',
    'mail.invitation.body':
      'Dear {name},\n\n{inviter} has invited you to Kizuna, the network of our alumni and colleagues.\n\nSet your password with this link to complete your registration:\n{url}\n\nThe link is valid until {expires}. If it has expired, please ask HR for a new one.\nIf you were not expecting this email, you can simply ignore it.\n\nWe look forward to staying in touch.\nThe Kizuna team',
    'mail.invitation.resentSubject': 'Your new invitation link to the Kizuna alumni network',
    'mail.invitation.byHr': 'The HR team',
    'mail.invitation.byPerson': '{name} (HR)',
    'error.invitation_closed': 'This invitation has already been accepted or revoked.',
    'kz.recordsOneOf': 'Give either a list of records or a filter, not both.',
    // Join requests and profile freshness (helper C).
    'kz.month': 'Use a month such as 2019-04.',
    'kz.employeeNumberOrWorkEmail':
      'Enter your employee number or the email address you used at the company.',
    'error.join_rate_limited': 'Too many requests from your network. Please try again in 15 minutes.',
    'error.join_request_decided': 'This request has already been decided.',
    'error.record_not_found': 'This HR record no longer exists.',
    'error.freshness_link_invalid': 'This link is not valid. Sign in to confirm your profile.',
    'error.freshness_link_expired': 'This link has expired. Sign in to confirm your profile.',
    'mail.joinAlreadyMember.subject': 'You already have a Kizuna account',
    'mail.joinAlreadyMember.body':
      'Hello {name},\n\nWe received a request to join Kizuna with your details, but you already have an account.\nPlease sign in here instead:\n\n{url}\n\nIf you did not make this request, you can ignore this email.',
    'mail.joinRejected.subject': 'Your request to join Kizuna',
    'mail.joinRejected.body':
      'Hello {name},\n\nThank you for your request to join Kizuna, our alumni network.\nUnfortunately we could not confirm your details against our records, so we cannot invite you at this time.\nIf you think this is a mistake, please contact the HR department.\n\nThank you for your understanding.',
    'mail.freshness.subject.full': 'Still at {employer} as {title}?',
    'mail.freshness.subject.employer': 'Still at {employer}?',
    'mail.freshness.subject.none': 'Is your Kizuna profile still up to date?',
    // Exit management: cases (server/features/exits)
    'kz.timeZone': 'Enter a time zone such as Asia/Tokyo.',
    'kz.nothingToChange': 'Change at least one item.',
    'kz.rehireReasonRequired': 'Give a reason when the person is not eligible for rehire.',
    'error.exit_case_open': 'This member already has an open exit case.',
    'error.exit_case_closed': 'This exit case is already closed.',
    'error.exit_member_role': 'Exit cases can be opened for employees only.',
    'error.exit_unknown_member': 'No such member.',
    'error.exit_own_manager': 'A member cannot be their own manager.',
    // Role boundaries (decision 022)
    'error.role_not_assignable': 'Only an administrator can give this role.',
    'error.exit_staff_admin_only':
      'Only an administrator can handle the exit of an HR manager or administrator.',
    'error.exit_self': 'You cannot open or change your own exit case.',
    'mail.freshness.body.full':
      'Hello {name},\n\nYour Kizuna profile says you work at {employer} as {title}. Is that still right?\n\nYes, still the same (one click):\n{confirmUrl}\n\nSomething changed? Update your profile:\n{editUrl}\n\nUp-to-date profiles help colleagues and alumni find each other.',
    'mail.freshness.body.employer':
      'Hello {name},\n\nYour Kizuna profile says you work at {employer}. Is that still right?\n\nYes, still the same (one click):\n{confirmUrl}\n\nSomething changed? Update your profile:\n{editUrl}\n\nUp-to-date profiles help colleagues and alumni find each other.',
    'mail.freshness.body.none':
      'Hello {name},\n\nIs your Kizuna profile still up to date?\n\nYes, nothing to change (one click):\n{confirmUrl}\n\nAdd where you work now and your title:\n{editUrl}\n\nUp-to-date profiles help colleagues and alumni find each other.',
    // Offboarding checklist and alumni welcome (server/features/offboarding)
    'error.offboarding_case_closed': 'This case is closed; its checklist can no longer be changed.',
    'error.offboarding_leaver_only': 'Only the person leaving can complete this task.',
    'kz.acknowledge': 'Please confirm that you have read the text.',
    'kz.personalEmailCompany': 'Enter a private address, not one on a company domain.',
    'kz.personalEmailTaken': 'This address is already used by another member.',
    'kz.offboardingFieldNotForTask': 'This task does not take this field.',
    'mail.alumniWelcome.subject': 'Welcome to the Kizuna alumni network',
    'mail.alumniWelcome.body':
      'Dear {name},\n\nThank you for everything you did with us. From today you are part of our alumni network, Kizuna.\n\nYour alumni account is ready. Sign in with the email address {email} and your current password:\n{loginUrl}',
    'mail.alumniWelcome.proposalIntro': 'Your career proposal, from your career conversation:',
    'mail.alumniWelcome.outside': 'Outside the company, you could thrive as: {text}',
    'mail.alumniWelcome.inside': 'Inside the company, you could reach: {text}',
    'mail.alumniWelcome.proposalLink': 'You can read it and add a comment at any time in Kizuna:\n{url}',
    'mail.alumniWelcome.returnYes':
      'You told us you are open to returning one day. Thank you — you can change this on your profile at any time:\n{url}',
    'mail.alumniWelcome.returnNo':
      'Our door stays open. If one day you would like to come back, turn on "open to return" on your profile:\n{url}',
    'mail.alumniWelcome.leave':
      'You decide what you receive: change your consents here:\n{privacyUrl}\nIf you would rather not be part of the network, you can delete your account at any time here:\n{myDataUrl}',
    'mail.alumniWelcome.closing': 'We look forward to staying in touch.\nThe Kizuna team',
    'mail.signature': '{org}\nKizuna, our alumni network',
    'v.logoFormat': 'Choose a PNG, JPEG or WebP image (SVG is not accepted).',
    'v.logoUnreadable': 'This image could not be read. Please choose another file.',
    'v.logoTooLarge': 'The image must be at most 1 MB.',
    // Exit proposal and survey (helper H, decision 013).
    'error.proposal_empty': 'Save the proposal before sharing it.',
    'error.survey_submitted': 'This survey has already been submitted and can no longer be changed.',
    'kz.optionValue': 'Use lower-case letters, digits and _ only.',
    'kz.choiceOptions': 'A choice question needs at least two options.',
    'kz.optionDuplicate': 'Two options have the same value.',
    'kz.scaleMax': 'Give the highest value of the scale.',
    'kz.notForKind': 'This does not apply to this kind of question.',
    'kz.surveyUnknownQuestion': 'There is no such question.',
    'kz.surveyScale': 'Choose a value on the scale.',
    'kz.surveyOption': 'Choose one of the options.',
    'kz.surveyText': 'Enter text.',
    'kz.surveyTooLong': 'The answer is too long (at most 4,000 characters).',
    'kz.surveyRequired': 'Please answer this question.',
    // — jobs —
    'kz.jobTitleRequired': 'Enter a title in Japanese or English.',
    'kz.jobDescriptionRequired': 'Add a description in the same language as the title.',
    'kz.jobTitleForDescription': 'Add a title in the same language as the description.',
    'kz.jobCurrencyRequired': 'Choose the currency of the salary.',
    'kz.jobPeriodRequired': 'Choose whether the salary is per year, month or hour.',
    'kz.jobGroupEmpty': 'Choose at least one member for this group.',
    'kz.currency': 'Use a three-letter currency code such as JPY.',
    'error.job_closes_in_past': 'The closing date has passed. Choose today or a later date to publish.',
    'error.job_unknown_member': 'Some of the chosen members are not active members.',
    'error.job_already_open': 'This job is already published.',
    'error.job_already_closed': 'This job is already closed.',
    // — return interests —
    'kz.returnInterestConsentTrue':
      'Send true to allow contact about rehiring. To withdraw consent, use the privacy settings.',
    // — referrals —
    'error.referral_self': 'You cannot refer yourself.',
    'error.referral_duplicate':
      'This person has already been referred for this job (or, without a job, in general). We never contact anyone twice for the same referral.',
    'error.referral_candidate_cooldown':
      'This person was asked about a referral in the last 7 days. To avoid sending them too many emails, please try again later.',
    'error.referral_quota':
      'You have made 10 referrals in the last 24 hours, the most we allow. Please try again later.',
    'error.referral_not_awaiting': 'This referral is no longer waiting for the candidate’s consent.',
    'error.referral_resend_too_soon':
      'The email was sent less than an hour ago. Please give the candidate some time before sending it again.',
    'error.referral_resend_limit':
      'The email has already been sent again twice. To avoid pressing the candidate, it cannot be sent again.',
    'error.referral_resend_expired':
      'The candidate did not answer within 14 days, so the referral has lapsed and the email cannot be sent again.',
    'error.referral_link_invalid':
      'This link is not valid. It may have been replaced by a newer email; please use the most recent one.',
    'error.referral_link_expired':
      'This link has expired. Nothing about you was shared with HR, and nothing more will be sent.',
    'error.referral_already_decided':
      'You have already answered this request. To change your answer, please contact the company.',
    'error.referral_nothing_to_withdraw':
      'You have not agreed to share your details, so there is nothing to withdraw.',
    'error.referral_consent_rate_limited':
      'Too many requests from your network. Please try again in 15 minutes.',
    'error.referral_reward_not_eligible':
      'Only a reward that is eligible (and not yet paid) can be marked as paid.',
    'error.referral_reward_own': 'You referred this candidate: another HR member must mark your reward paid.',
    'kz.referralCurrency': 'Use a three-letter currency code such as JPY.',
    'mail.referralConsent.subject':
      '{referrer} has referred you — may we share your details with our HR team?',
    'mail.referralConsent.resentSubject':
      'Reminder: {referrer} has referred you — may we share your details with our HR team?',
    'mail.referralConsent.forJob': 'for the position “{title}”',
    'mail.referralConsent.forPosition': 'for a position at our company',
    'mail.referralConsent.forCompany': 'to our company',
    'mail.referralConsent.aboutJob': 'this position',
    'mail.referralConsent.aboutCompany': 'opportunities with us',
    'mail.referralConsent.body':
      'Dear {name},\n\n{referrer}, a member of our company’s network Kizuna, has recommended you {target}.\n\nWhy {referrer} recommends you:\n{reason}\n\nOur HR team sees nothing about you unless you agree. If you agree, HR will see your name ({name}), your email address ({email}), the reason above and that {referrer} referred you. If you used to work for us or are a member of Kizuna, HR will also see your history with the company (departments, years, last job title), whether you are eligible for rehire, and your career since leaving as your Kizuna profile shows it. HR may contact you about {about} and may enter these details in the company’s applicant tracking system (its recruiting software). {referrer} only learns whether you agreed and, later, a coarse outcome (in process, hired or closed) — never HR’s notes or your email address.\n\nIf you say no, or do nothing, none of this is shared with HR. If you agree, you can withdraw at any time through the same link: HR stops seeing you in Kizuna at once (to have a copy already entered in the applicant tracking system deleted, please contact the company).\n\nPlease tell us your answer here:\n{url}\n\nPlease answer by {expires}. Without an answer by then the referral lapses and you will not hear from us about it again.\nIf you were not expecting this email, you can simply ignore it.\n\nThe Kizuna team',
    // — pipeline —
    'kz.pipelineHireRequired': 'Moving to "rehired" needs the hire: start date, role title and time zone.',
    'kz.pipelineHireOnlyRehired': 'A hire can only be recorded with a move to "rehired".',
    'error.pipeline_hire_started':
      'This person has already started (the start date has come), so the card can no longer be moved.',
    'error.pipeline_referral_hire_final':
      'A referral hire cannot be undone here: the referrer’s reward has already been recorded. Ask an admin.',
    'error.pipeline_ats_not_configured':
      'The ATS webhook is not configured (ATS_WEBHOOK_URL and ATS_WEBHOOK_SECRET). Export CSV instead.',
    'error.pipeline_ats_bad_signature': 'The signature does not match.',
    'pipeline.stage.interested': 'Interested',
    'pipeline.stage.conversation': 'Conversation',
    'pipeline.stage.interview': 'Interview',
    'pipeline.stage.offer': 'Offer',
    'pipeline.stage.rehired': 'Rehired',
    'pipeline.stage.not_now': 'Not now',
    'pipeline.source.interest': 'Boomerang',
    'pipeline.source.referral': 'Referral',
    'pipeline.eligibility.eligible': 'Eligible',
    'pipeline.eligibility.not_eligible': 'Not eligible',
    'pipeline.eligibility.needs_review': 'Needs review',
    'pipeline.csv.id': 'Card ID',
    'pipeline.csv.source': 'Source',
    'pipeline.csv.stage': 'Stage',
    'pipeline.csv.name': 'Name',
    'pipeline.csv.email': 'Email',
    'pipeline.csv.job': 'Job',
    'pipeline.csv.daysInStage': 'Days in stage',
    'pipeline.csv.eligibility': 'Rehire eligibility',
    'pipeline.csv.lastDepartment': 'Last department',
    'pipeline.csv.lastTitle': 'Last title',
    'pipeline.csv.yearsAtCompany': 'Years at the company',
    'pipeline.csv.joinedOn': 'Joined',
    'pipeline.csv.leftOn': 'Left',
    'pipeline.csv.currentEmployer': 'Current employer',
    'pipeline.csv.currentTitle': 'Current title',
    'pipeline.csv.location': 'Location',
    'pipeline.csv.skills': 'Skills',
    'pipeline.csv.stageChangedAt': 'Stage changed at',
    'pipeline.csv.createdAt': 'On the board since',
    // — job alerts —
    'kz.jobAlertCriterion': 'Add at least one keyword, department or location.',
    'error.job_alert_limit': 'You can have up to 20 job alerts. Delete one you no longer need first.',
    'jobAlerts.remote.onsite': 'On-site',
    'jobAlerts.remote.hybrid': 'Hybrid',
    'jobAlerts.remote.remote': 'Remote',
    'mail.jobAlert.subject': 'New job for you: {title}',
    'mail.jobAlert.intro': 'Hello {name},\n\nA new job on Kizuna matches your job alert:',
    'mail.jobAlert.department': 'Department: {value}',
    'mail.jobAlert.location': 'Location: {value}',
    'mail.jobAlert.closesOn': 'Applications close: {date}',
    'mail.jobAlert.link': 'Details and how to apply:\n{url}',
    'mail.jobAlertDigest.subject.one': 'Your job alerts: 1 new job',
    'mail.jobAlertDigest.subject.other': 'Your job alerts: {count} new jobs',
    'mail.jobAlertDigest.intro': 'Hello {name},\n\nThese new jobs on Kizuna match your daily job alerts:',
    'mail.jobAlert.manage':
      'Change or stop your job alerts here:\n{alertsUrl}\n\nYou receive these emails because you agreed to receive news and digests. You can change that at any time here:\n{privacyUrl}',
    'mail.jobAlert.closing': 'The Kizuna team',
    // Accounts and sessions (decision 025).
    'kz.passwordUnchanged': 'Choose a password different from the current one.',
    'error.password_reset_invalid':
      'This reset link has expired or has already been used. Please ask for a new one.',
    'error.current_password_wrong': 'The current password is not correct.',
    'error.invitation_resend_limited':
      'This invitation was sent several times in the last hour. Please wait before sending it again.',
    'mail.passwordReset.subject': 'Reset your Kizuna password',
    'mail.passwordReset.body':
      'Dear {name},\n\nWe received a request to reset the password of your Kizuna account. Set a new password with this link:\n{url}\n\nThe link works once, until {expires}. Setting a new password signs you out on every device.\nIf you did not ask for this, you can ignore this email: your password stays as it is.\n\nThe Kizuna team',
  },
  ja: {
    'error.bad_request': '入力内容を確認してください。',
    'error.unauthenticated': 'ログインしてください。',
    'error.forbidden_origin': '他のサイトからのリクエストのため拒否しました。',
    'error.not_found': '見つかりません。',
    'error.conflict': '既存のデータと競合しています。',
    'error.payload_too_large': 'リクエストが大きすぎます。',
    'error.rate_limited': 'リクエストが多すぎます。しばらくしてからお試しください。',
    'error.internal': 'サーバーで問題が発生しました。もう一度お試しください。',
    'error.unstorable_text':
      '保存できない文字（NUL文字など）が含まれています。取り除いてからもう一度お試しください。',
    'error.invitation_used': 'この招待はすでに使用されています。',
    'error.invitation_expired': 'この招待は期限切れです。人事部に再発行を依頼してください。',
    'error.email_taken': 'このメールアドレスのメンバーはすでに存在します。',
    'error.invitation_pending': 'このメールアドレスへの招待はすでに送信済みです。',
    'error.employee_number_taken': 'この社員番号は別のメンバーに登録されています。',
    'error.visibility_limit': 'この項目をこの範囲まで公開することは人事部の設定で許可されていません。',
    'error.not_editable': 'この項目は人事部のみ変更できます。',
    'v.required': '必須項目です。',
    'v.invalid': '値が正しくありません。',
    'v.type': '{expected}を入力してください。',
    'v.tooShort': '{n}文字以上で入力してください。',
    'v.tooLong': '{n}文字以内で入力してください。',
    'v.tooFewItems': '{n}件以上選択してください。',
    'v.tooManyItems': '{n}件までです。',
    'v.tooSmall': '{n}以上の値にしてください。',
    'v.tooBig': '{n}以下の値にしてください。',
    'v.oneOf': '次のいずれかを指定してください: {values}',
    'v.unknownKey': '不明な項目です: {keys}',
    'v.malformedText': '使用できない文字が含まれています。',
    'kz.boolean': 'true か false を指定してください。',
    'kz.kana': 'ひらがなまたはカタカナで入力してください。',
    'kz.romaji': 'ローマ字（半角英字）で入力してください。',
    'kz.date': '2024-04-01 のような日付で入力してください。',
    'kz.url': 'https:// で始まるURLを入力してください。',
    'kz.country': 'JP のような2文字の国コードで入力してください。',
    'kz.language': 'ja のような2文字の言語コードで入力してください。',
    'kz.email': '正しいメールアドレスを入力してください。',
    'kz.leftBeforeJoined': '退職日は入社日より後にしてください。',
    'kz.rangeOrder': '最大値は最小値以上にしてください。',
    'kz.passwordLength': '12文字以上で入力してください。',
    'kz.passwordMatch': 'パスワードが一致しません。',
    // My data: export, deletion, retention (server/features/privacy)
    'kz.confirmWord': '表示されている確認の言葉をそのまま入力してください。',
    'error.wrong_password': 'パスワードが正しくありません。',
    'error.last_admin': '最後の管理者アカウントは削除できません。先に別のメンバーを管理者にしてください。',
    'mail.retention.subject': 'ログインがない場合、Kizuna のアカウントを削除します',
    'mail.retention.body':
      '{name} 様\n\nKizuna に{years}年以上ログインされていません。データ保存期間の規程により、アカウントと保存している個人データを削除いたします。\n\nアカウントを残す場合は、{date} までに一度ログインしてください。\n{url}\n\n今後ご利用の予定がない場合は、このままで結構です。\nKizuna 事務局',
    'kz.consentTextChanged':
      '同意事項の文面が更新されました。ページを再読み込みして、もう一度ご確認ください。',
    // HR CSV import (server/features/hr-records)
    'error.import_too_large': 'ファイルがアップロードの上限（{limit}）を超えています。',
    'error.import_empty': 'ヘッダー行がありません。1行目に列名があるCSVをアップロードしてください。',
    'error.import_utf16':
      'このファイルは UTF-16 形式です。Excel で「CSV UTF-8」または「CSV（コンマ区切り）」として保存してください。',
    'error.import_unreadable': 'CSVとして読み込めませんでした。',
    'error.import_started': 'この取り込みはすでに開始しているため、列の対応は変更できません。',
    'error.import_not_ready': '取り込みを開始する前に列の対応を確定してください。',
    'error.import_finished': 'この取り込みはすでに終了しています。',
    'import.mapping.required': 'この項目に対応する列を選んでください。',
    'import.mapping.unknownHeader': 'ファイルにこの列はありません。',
    'import.mapping.duplicateField': 'この項目には別の列がすでに対応付けられています。',
    'import.reason.required': '必須項目です。',
    'import.reason.too_long': '長すぎます。',
    'import.reason.invalid_date': '日付ではありません（2024-04-01 や 2024/4/1 の形式で入力してください）。',
    'import.reason.invalid_email': 'メールアドレスの形式が正しくありません。',
    'import.reason.invalid_kana': 'ひらがなまたはカタカナで入力してください。',
    'import.reason.invalid_romaji': 'ローマ字（半角英字）で入力してください。',
    'import.reason.invalid_locale': 'ja または en を指定してください。',
    'import.reason.left_before_joined': '退職日が入社日より前です。',
    'import.reason.too_many_departments': '部署は20件までです。',
    'import.reason.duplicate_in_file':
      'この社員番号はファイル内の前の行にもあります（前の行を取り込みました）。',
    'import.reason.erased': 'ご本人の依頼によりデータを削除済みのため、取り込みませんでした。',
    'import.reason.column_count': '列の数がヘッダーより少ない行です。',
    'import.reason.malformed': '行を読み取れませんでした（引用符が閉じていない など）。',
    'import.reason.nul_character':
      '保存できないNUL文字（U+0000）が含まれています。元のファイルから取り除いてください。',
    'import.failure.file_missing':
      'アップロードされたファイルがサーバーにありません。もう一度アップロードしてください。',
    'import.failure.unreadable': 'CSVとして読み込めませんでした。',
    'import.failure.internal':
      'サーバーのエラーにより取り込みが中断しました。ここまでに取り込んだ行は保存されています。',
    'import.csv.line': '行',
    'import.csv.employeeNumber': '社員番号',
    'import.csv.reasons': 'エラー内容',
    'import.field._row': '行全体',
    'import.field.employeeNumber': '社員番号',
    'import.field.familyName': '姓',
    'import.field.givenName': '名',
    'import.field.fullName': '氏名',
    'import.field.familyNameKana': '姓（かな）',
    'import.field.givenNameKana': '名（かな）',
    'import.field.fullNameKana': '氏名（かな）',
    'import.field.familyNameRomaji': '姓（ローマ字）',
    'import.field.givenNameRomaji': '名（ローマ字）',
    'import.field.workEmail': '社用メール',
    'import.field.personalEmail': '個人メール',
    'import.field.joinedOn': '入社日',
    'import.field.leftOn': '退職日',
    'import.field.departments': '部署',
    'import.field.lastTitle': '最終役職',
    'import.field.office': '勤務地',
    'import.field.leaveReason': '退職理由',
    'import.field.locale': '言語',
    'mail.invitation.subject': 'Kizuna アルムナイネットワークへのご招待',
    'mail.invitation.body':
      '{name} 様\n\n{inviter}より、アルムナイと社員のネットワーク「Kizuna」へご招待いたします。\n\n下記のリンクからパスワードを設定いただくと、ご登録が完了します。\n{url}\n\nこのリンクの有効期限は{expires}です。期限が切れた場合は、お手数ですが人事部までご連絡ください。\nお心当たりのない場合は、このメールを破棄してくださいますようお願いいたします。\n\n今後ともどうぞよろしくお願いいたします。\nKizuna 事務局',
    'mail.invitation.resentSubject': '【再送】Kizuna アルムナイネットワークへのご招待',
    'mail.invitation.byHr': '人事部',
    'mail.invitation.byPerson': '人事部の{name}',
    'error.invitation_closed': 'この招待はすでに承諾または取り消しされています。',
    'kz.recordsOneOf': '対象のレコード一覧か絞り込み条件のどちらか一方だけを指定してください。',
    // Join requests and profile freshness (helper C).
    'kz.month': '2019-04 のような年月で入力してください。',
    'kz.employeeNumberOrWorkEmail': '社員番号、または在籍時のメールアドレスを入力してください。',
    'error.join_rate_limited':
      'お使いのネットワークからの申請が多すぎます。15分ほど経ってから再度お試しください。',
    'error.join_request_decided': 'この申請はすでに処理済みです。',
    'error.record_not_found': 'この人事記録は存在しません。',
    'error.freshness_link_invalid': 'このリンクは無効です。ログインしてプロフィールを確認してください。',
    'error.freshness_link_expired':
      'このリンクは有効期限が切れています。ログインしてプロフィールを確認してください。',
    'mail.joinAlreadyMember.subject': 'Kizuna のアカウントはすでにお持ちです',
    'mail.joinAlreadyMember.body':
      '{name} 様\n\nKizuna への参加申請を受け付けましたが、すでにアカウントをお持ちです。\n以下からログインしてください。\n\n{url}\n\nお心当たりのない場合は、このメールは破棄してください。',
    'mail.joinRejected.subject': 'Kizuna への参加申請について',
    'mail.joinRejected.body':
      '{name} 様\n\nアルムナイネットワーク「Kizuna」への参加をご申請いただき、ありがとうございます。\n誠に恐れ入りますが、ご入力いただいた内容を当社の記録と照合できなかったため、今回はご招待を見送らせていただきます。\nお心当たりがない場合や誤りと思われる場合は、人事部までお問い合わせください。\n\nご理解のほど、よろしくお願いいたします。',
    'mail.freshness.subject.full': '現在も{employer}で{title}としてご活躍ですか？',
    'mail.freshness.subject.employer': '現在も{employer}にお勤めですか？',
    'mail.freshness.subject.none': 'Kizuna のプロフィールは最新ですか？',
    // 退職管理: ケース (server/features/exits)
    'kz.timeZone': 'Asia/Tokyo のようなタイムゾーン名を入力してください。',
    'kz.nothingToChange': '変更する項目を1つ以上入力してください。',
    'kz.rehireReasonRequired': '再雇用の対象外とする場合は理由を入力してください。',
    'error.exit_case_open': 'このメンバーにはすでに進行中の退職ケースがあります。',
    'error.exit_case_closed': 'この退職ケースはすでに終了しています。',
    'error.exit_member_role': '退職ケースは社員に対してのみ作成できます。',
    'error.exit_unknown_member': '該当するメンバーが見つかりません。',
    'error.exit_own_manager': '本人を自分の上長に設定することはできません。',
    // ロールの境界（決定 022）
    'error.role_not_assignable': 'このロールを付与できるのは管理者だけです。',
    'error.exit_staff_admin_only': '人事担当者・管理者の退職は管理者だけが扱えます。',
    'error.exit_self': '自分自身の退職ケースを作成・変更することはできません。',
    'mail.freshness.body.full':
      '{name} 様\n\nKizuna のプロフィールでは、現在{employer}で{title}としてお勤めと登録されています。お変わりありませんか？\n\n変わりがなければ（ワンクリックで完了します）:\n{confirmUrl}\n\n変更がある場合はプロフィールを更新してください:\n{editUrl}\n\n最新のプロフィールは、社員やアルムナイ同士がつながるきっかけになります。',
    'mail.freshness.body.employer':
      '{name} 様\n\nKizuna のプロフィールでは、現在{employer}にお勤めと登録されています。お変わりありませんか？\n\n変わりがなければ（ワンクリックで完了します）:\n{confirmUrl}\n\n変更がある場合はプロフィールを更新してください:\n{editUrl}\n\n最新のプロフィールは、社員やアルムナイ同士がつながるきっかけになります。',
    'mail.freshness.body.none':
      '{name} 様\n\nKizuna のプロフィールは最新の状態ですか？\n\n変更がなければ（ワンクリックで完了します）:\n{confirmUrl}\n\n現在のお勤め先や役職を追加する:\n{editUrl}\n\n最新のプロフィールは、社員やアルムナイ同士がつながるきっかけになります。',
    // 退職手続きのチェックリストとアルムナイ歓迎メール (server/features/offboarding)
    'error.offboarding_case_closed': 'このケースは終了しているため、チェックリストは変更できません。',
    'error.offboarding_leaver_only': 'このタスクは退職されるご本人のみ完了できます。',
    'kz.acknowledge': '内容をお読みいただいたことを確認してください。',
    'kz.personalEmailCompany': '会社のドメインではない、個人のメールアドレスを入力してください。',
    'kz.personalEmailTaken': 'このメールアドレスは別のメンバーが使用しています。',
    'kz.offboardingFieldNotForTask': 'このタスクではこの項目は入力できません。',
    'mail.alumniWelcome.subject': 'Kizuna アルムナイネットワークへようこそ',
    'mail.alumniWelcome.body':
      '{name} 様\n\nこれまで本当にありがとうございました。本日から、アルムナイネットワーク「Kizuna」の一員としてお迎えいたします。\n\nアルムナイ用のアカウントの準備が整いました。メールアドレス（{email}）と現在お使いのパスワードで、こちらからログインしてください。\n{loginUrl}',
    'mail.alumniWelcome.proposalIntro': 'キャリア面談でお渡ししたキャリア提案です。',
    'mail.alumniWelcome.outside': '社外でご活躍いただけそうな道: {text}',
    'mail.alumniWelcome.inside': '社内で目指していただける道: {text}',
    'mail.alumniWelcome.proposalLink': 'Kizuna でいつでもご覧いただけ、コメントも残せます。\n{url}',
    'mail.alumniWelcome.returnYes':
      '「いつか戻ることも考えたい」とお知らせいただき、ありがとうございます。この設定はプロフィールからいつでも変更できます。\n{url}',
    'mail.alumniWelcome.returnNo':
      '私たちの扉はいつでも開いています。いつか戻ってみたいと思われたときは、プロフィールで「出戻り歓迎」をオンにしてください。\n{url}',
    'mail.alumniWelcome.leave':
      '受け取る情報はご自身で選べます。同意の設定はこちらから変更できます。\n{privacyUrl}\nネットワークへの参加をやめたい場合は、こちらからいつでもアカウントを削除できます。\n{myDataUrl}',
    'mail.alumniWelcome.closing': '今後ともどうぞよろしくお願いいたします。\nKizuna 事務局',
    'mail.signature': '{org}\nアルムナイネットワーク「Kizuna」',
    'v.logoFormat': 'PNG・JPEG・WebP の画像を選んでください（SVG は使用できません）。',
    'v.logoUnreadable': 'この画像を読み込めませんでした。別のファイルを選んでください。',
    'v.logoTooLarge': '画像は 1 MB 以下にしてください。',
    // Exit proposal and survey (helper H, decision 013).
    'error.proposal_empty': '共有する前に提案内容を保存してください。',
    'error.survey_submitted': 'このアンケートは提出済みのため、変更できません。',
    'kz.optionValue': '半角英小文字・数字・_ のみ使用できます。',
    'kz.choiceOptions': '選択式の質問には2つ以上の選択肢が必要です。',
    'kz.optionDuplicate': '同じ値の選択肢があります。',
    'kz.scaleMax': '尺度の最大値を指定してください。',
    'kz.notForKind': 'この形式の質問には指定できません。',
    'kz.surveyUnknownQuestion': 'この質問は存在しません。',
    'kz.surveyScale': '尺度の中から選んでください。',
    'kz.surveyOption': '選択肢の中から選んでください。',
    'kz.surveyText': '文章で入力してください。',
    'kz.surveyTooLong': '回答が長すぎます（4,000文字以内）。',
    'kz.surveyRequired': 'この質問にご回答ください。',
    // — jobs —
    'kz.jobTitleRequired': '日本語または英語で職種名を入力してください。',
    'kz.jobDescriptionRequired': '職種名と同じ言語で仕事内容を入力してください。',
    'kz.jobTitleForDescription': '仕事内容と同じ言語で職種名を入力してください。',
    'kz.jobCurrencyRequired': '給与の通貨を選んでください。',
    'kz.jobPeriodRequired': '給与が年額・月額・時給のどれかを選んでください。',
    'kz.jobGroupEmpty': 'このグループのメンバーを1人以上選んでください。',
    'kz.currency': 'JPY のような3文字の通貨コードを入力してください。',
    'error.job_closes_in_past': '締切日を過ぎています。公開するには今日以降の日付を選んでください。',
    'error.job_unknown_member': '選択したメンバーに、有効なメンバーでない人が含まれています。',
    'error.job_already_open': 'この求人はすでに公開されています。',
    'error.job_already_closed': 'この求人はすでに締め切られています。',
    // — return interests —
    'kz.returnInterestConsentTrue':
      '再雇用の連絡を許可する場合は true を送ってください。同意の取り消しはプライバシー設定で行えます。',
    // — referrals —
    'error.referral_self': '自分自身を紹介することはできません。',
    'error.referral_duplicate':
      'この方はすでにこの求人（求人を指定しない場合は一般の紹介）で紹介されています。同じ紹介で二度ご連絡することはありません。',
    'error.referral_candidate_cooldown':
      'この方には過去7日以内に紹介のご連絡をしています。メールが多くなりすぎないよう、しばらくしてからもう一度お試しください。',
    'error.referral_quota':
      '過去24時間の紹介が上限の10件に達しました。しばらくしてからもう一度お試しください。',
    'error.referral_not_awaiting': 'この紹介はすでに候補者の同意待ちではありません。',
    'error.referral_resend_too_soon':
      'メールは1時間以内に送信済みです。再送する前に、候補者の方が確認する時間を少しお待ちください。',
    'error.referral_resend_limit':
      'メールはすでに2回再送しています。候補者の方の負担にならないよう、これ以上は再送できません。',
    'error.referral_resend_expired':
      '14日以内に回答がなかったため、この紹介は失効しました。メールは再送できません。',
    'error.referral_link_invalid':
      'このリンクは無効です。新しいメールで置き換えられた可能性があります。最新のメールのリンクをご利用ください。',
    'error.referral_link_expired':
      'このリンクは有効期限が切れています。あなたの情報は人事部に共有されておらず、今後このご紹介についてご連絡することはありません。',
    'error.referral_already_decided':
      'このご依頼にはすでに回答済みです。回答を変更したい場合は会社にお問い合わせください。',
    'error.referral_nothing_to_withdraw': '情報の共有に同意していないため、取り消す同意はありません。',
    'error.referral_consent_rate_limited':
      'お使いのネットワークからのリクエストが多すぎます。15分後にもう一度お試しください。',
    'error.referral_reward_not_eligible': '支払対象（未払い）の報奨金のみ支払済みにできます。',
    'error.referral_reward_own':
      'この候補者を紹介したのはあなたです。ご自身の報奨金は、ほかの人事担当者が支払済みにしてください。',
    'kz.referralCurrency': '通貨は JPY のような3文字のコードで入力してください。',
    'mail.referralConsent.subject': '{referrer}さんからのご紹介について（人事部への情報共有のご確認）',
    'mail.referralConsent.resentSubject':
      '【再送】{referrer}さんからのご紹介について（人事部への情報共有のご確認）',
    'mail.referralConsent.forJob': '「{title}」のポジションに',
    'mail.referralConsent.forPosition': '当社のポジションに',
    'mail.referralConsent.forCompany': '当社に',
    'mail.referralConsent.aboutJob': 'このポジション',
    'mail.referralConsent.aboutCompany': '採用の機会',
    'mail.referralConsent.body':
      '{name} 様\n\n当社のネットワーク「Kizuna」のメンバーである{referrer}さんが、{target}あなたを推薦しました。\n\n{referrer}さんの推薦理由:\n{reason}\n\nあなたが同意しない限り、人事部があなたの情報を見ることはありません。同意いただいた場合、人事部はお名前（{name}）、メールアドレス（{email}）、上記の推薦理由と{referrer}さんからの紹介であることを確認します。当社の元社員または Kizuna のメンバーである場合は、当社での経歴（所属部署・在籍年・最後の役職）、再雇用の可否、Kizuna のプロフィールに記載された退職後の経歴もあわせて確認します。人事部は{about}についてご連絡することがあり、選考のためにこれらの情報を当社の採用管理システム（ATS）に登録することがあります。{referrer}さんに伝わるのは、同意したかどうかと、その後のおおまかな結果（選考中・入社決定・終了）だけです。人事部のメモやあなたのメールアドレスは伝わりません。\n\n同意しない場合や何もしない場合、これらの情報は人事部に共有されません。同意した後も、同じリンクからいつでも同意を取り消せます。取り消すと、人事部は Kizuna 上であなたの情報をすぐに見られなくなります（すでに採用管理システムに登録された情報の削除は、当社にご依頼ください）。\n\n以下のリンクからご回答ください:\n{url}\n\nご回答の期限は{expires}です。期限までにご回答がない場合、このご紹介は失効し、この件で再びご連絡することはありません。\nお心当たりのない場合は、このメールを破棄してください。\n\nKizuna チーム',
    // — pipeline —
    'kz.pipelineHireRequired': '「再入社」に移すには、入社日・職種・タイムゾーンを入力してください。',
    'kz.pipelineHireOnlyRehired': '入社情報は「再入社」に移すときだけ登録できます。',
    'error.pipeline_hire_started': 'すでに入社日を迎えているため、このカードは移動できません。',
    'error.pipeline_referral_hire_final':
      '紹介による採用はここでは取り消せません（紹介者の報酬がすでに記録されています）。管理者に相談してください。',
    'error.pipeline_ats_not_configured':
      'ATS Webhook が設定されていません（ATS_WEBHOOK_URL と ATS_WEBHOOK_SECRET）。CSV で書き出してください。',
    'error.pipeline_ats_bad_signature': '署名が一致しません。',
    'pipeline.stage.interested': '関心あり',
    'pipeline.stage.conversation': '面談',
    'pipeline.stage.interview': '選考',
    'pipeline.stage.offer': 'オファー',
    'pipeline.stage.rehired': '再入社',
    'pipeline.stage.not_now': '今回は見送り',
    'pipeline.source.interest': '出戻り',
    'pipeline.source.referral': '紹介',
    'pipeline.eligibility.eligible': '再雇用可',
    'pipeline.eligibility.not_eligible': '再雇用不可',
    'pipeline.eligibility.needs_review': '要確認',
    'pipeline.csv.id': 'カードID',
    'pipeline.csv.source': '経路',
    'pipeline.csv.stage': 'ステージ',
    'pipeline.csv.name': '氏名',
    'pipeline.csv.email': 'メールアドレス',
    'pipeline.csv.job': '求人',
    'pipeline.csv.daysInStage': 'ステージ滞在日数',
    'pipeline.csv.eligibility': '再雇用可否',
    'pipeline.csv.lastDepartment': '最終所属部署',
    'pipeline.csv.lastTitle': '最終役職',
    'pipeline.csv.yearsAtCompany': '在籍年数',
    'pipeline.csv.joinedOn': '入社日',
    'pipeline.csv.leftOn': '退職日',
    'pipeline.csv.currentEmployer': '現在の勤務先',
    'pipeline.csv.currentTitle': '現在の役職',
    'pipeline.csv.location': '所在地',
    'pipeline.csv.skills': 'スキル',
    'pipeline.csv.stageChangedAt': 'ステージ変更日時',
    'pipeline.csv.createdAt': 'ボード登録日時',
    // — job alerts —
    'kz.jobAlertCriterion': 'キーワード・部署・勤務地のいずれかを1つ以上入力してください。',
    'error.job_alert_limit':
      '求人アラートは20件まで登録できます。不要なアラートを削除してから追加してください。',
    'jobAlerts.remote.onsite': '出社',
    'jobAlerts.remote.hybrid': 'ハイブリッド',
    'jobAlerts.remote.remote': 'リモート',
    'mail.jobAlert.subject': '新着求人のお知らせ：{title}',
    'mail.jobAlert.intro': '{name} 様\n\nKizuna の求人アラートの条件に合う求人が新しく掲載されました。',
    'mail.jobAlert.department': '部署：{value}',
    'mail.jobAlert.location': '勤務地：{value}',
    'mail.jobAlert.closesOn': '応募締切：{date}',
    'mail.jobAlert.link': '詳細・応募はこちら：\n{url}',
    'mail.jobAlertDigest.subject.one': '求人アラート：新着求人 1 件',
    'mail.jobAlertDigest.subject.other': '求人アラート：新着求人 {count} 件',
    'mail.jobAlertDigest.intro':
      '{name} 様\n\nKizuna の求人アラート（毎日のまとめ）の条件に合う新着求人です。',
    'mail.jobAlert.manage':
      '求人アラートの変更・停止はこちら：\n{alertsUrl}\n\nこのメールは「ニュースとダイジェストを受け取る」に同意いただいた方にお送りしています。設定はいつでもこちらで変更できます：\n{privacyUrl}',
    'mail.jobAlert.closing': 'Kizuna 事務局',
    // Accounts and sessions (decision 025).
    'kz.passwordUnchanged': '現在のパスワードとは別のパスワードを設定してください。',
    'error.password_reset_invalid':
      'この再設定リンクは有効期限が切れているか、すでに使用されています。もう一度お申し込みください。',
    'error.current_password_wrong': '現在のパスワードが正しくありません。',
    'error.invitation_resend_limited':
      'この招待は直近 1 時間に何度も送信されています。しばらく待ってから再送してください。',
    'mail.passwordReset.subject': '【Kizuna】パスワード再設定のご案内',
    'mail.passwordReset.body':
      '{name} 様\n\nKizuna アカウントのパスワード再設定のお申し込みを受け付けました。以下のリンクから新しいパスワードを設定してください。\n{url}\n\nこのリンクは {expires} まで、1 回だけ使えます。新しいパスワードを設定すると、すべての端末でサインアウトされます。\nお心当たりがない場合は、このメールを破棄してください。パスワードは変更されません。\n\nKizuna 事務局',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type MessageKey = keyof (typeof messages)['en'];

export function t(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const table = messages[locale] as Record<string, string>;
  const template = table[key] ?? (messages.en as Record<string, string>)[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Picks ja/en from an Accept-Language header; Japanese is the default. */
export function localeFromHeader(header: string | undefined | null): Locale {
  if (!header) return 'ja';
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('ja')) return 'ja';
    if (tag.startsWith('en')) return 'en';
  }
  return 'ja';
}

/** One zod issue → one message in the requester's language. */
export function translateIssue(issue: z.core.$ZodIssue, locale: Locale): string {
  if (issue.message.startsWith('kz.')) return t(locale, issue.message);
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined/.test(issue.message)
        ? t(locale, 'v.required')
        : t(locale, 'v.type', { expected: issue.expected });
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return t(locale, n <= 1 ? 'v.required' : 'v.tooShort', { n });
      if (issue.origin === 'array' || issue.origin === 'set') return t(locale, 'v.tooFewItems', { n });
      return t(locale, 'v.tooSmall', { n });
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return t(locale, 'v.tooLong', { n });
      if (issue.origin === 'array' || issue.origin === 'set') return t(locale, 'v.tooManyItems', { n });
      return t(locale, 'v.tooBig', { n });
    }
    case 'invalid_value':
      return t(locale, 'v.oneOf', { values: issue.values.map(String).join(', ') });
    case 'unrecognized_keys':
      return t(locale, 'v.unknownKey', { keys: issue.keys.join(', ') });
    default:
      return t(locale, 'v.invalid');
  }
}

/** Zod issues → `{ "a.b": [messages] }`; issues about the whole object go under `_`. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], locale: Locale): Record<string, string[]> {
  // No prototype: an unknown key named `constructor` or `__proto__` is an ordinary field (decision 024).
  const fields: Record<string, string[]> = Object.create(null);
  for (const issue of issues) {
    const key =
      issue.code === 'unrecognized_keys'
        ? [...issue.path, issue.keys.join(',')].join('.') || '_'
        : issue.path.join('.') || '_';
    const list = fields[key] ?? [];
    list.push(translateIssue(issue, locale));
    fields[key] = list;
  }
  return fields;
}
