export type ClientStatus = 'active' | 'inactive';
export type FieldType = 'text' | 'email' | 'phone' | 'date' | 'number';

export interface LookupMatch {
  clientId: string;
  displayName: string;
  /** "primary" or the label of the email-type custom field holding the address. */
  matchedAs: string;
}

export interface LookupResult {
  address: string;
  valid: boolean;
  matches: LookupMatch[];
}

export interface LookupResponse {
  results: LookupResult[];
}

export type SuggestionReason = 'sameName' | 'sameNameReversed' | 'seenName' | 'sameDomain';

export interface Suggestion {
  clientId: string;
  displayName: string;
  reason: SuggestionReason;
  /** The shared domain, for sameDomain. */
  domain: string | null;
  /** How one click links the address: primary when the client has none. */
  linkAs: 'primary' | 'secondary';
}

/** What the service knows of a participant beyond the lookup: who it is not, and who it may be. */
export type ParticipantClass = 'client' | 'unknown' | 'colleague' | 'notTracked' | 'invalid';

export interface SuggestionsResult {
  address: string | null;
  status: ParticipantClass;
  suggestions: Suggestion[];
}

export interface SuggestionsResponse {
  results: SuggestionsResult[];
}

export interface ClientEmail {
  address: string;
  kind: 'primary' | 'field';
  fieldId: string | null;
  label: string | null;
}

export interface ClientFieldValue {
  fieldId: string;
  label: string;
  type: FieldType;
  value: string | number | null;
}

export interface ClientRecord {
  id: string;
  firstName: string;
  lastName: string | null;
  preferredName: string | null;
  displayName: string;
  dateOfBirth: string | null;
  phone: string | null;
  email: string | null;
  status: ClientStatus;
  emails: ClientEmail[];
  fields: ClientFieldValue[];
  version: string;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
  /** Display names of those users, when the service knows them. */
  createdByName?: string | null;
  updatedByName?: string | null;
}

export interface ClientSummary {
  id: string;
  firstName: string;
  lastName: string | null;
  preferredName: string | null;
  displayName: string;
  email: string | null;
  status: ClientStatus;
}

export interface ClientPage {
  items: ClientSummary[];
  nextCursor: string | null;
}

export interface CreateClientBody {
  firstName: string;
  lastName?: string | null;
  preferredName?: string | null;
  dateOfBirth?: string | null;
  phone?: string | null;
  email?: string | null;
  status?: ClientStatus;
  allowSharedEmail?: boolean;
}

export type UpdateClientBody = Partial<Omit<CreateClientBody, 'allowSharedEmail'>>;

export interface LinkEmailBody {
  address: string;
  as: 'primary' | 'secondary';
  label?: string;
  allowSharedEmail?: boolean;
  replacePrimary?: boolean;
  keepPreviousAsSecondary?: boolean;
}

export interface FieldDefinition {
  id: string;
  label: string;
  type: FieldType;
}

export interface Me {
  workspace: { id: string; tenantId: string };
  user: { id: string; name: string | null; email: string | null };
}

export interface AuthConfig {
  mode: 'development' | 'entra';
  clientId: string | null;
  scope: string | null;
}

export interface DevToken {
  accessToken: string;
  expiresAt: string;
}

export interface EmailPerson {
  name?: string | null;
  address: string;
}

export type HistoryKind = 'mailbox-email' | 'saved-email' | 'event';
export type HistoryEventType =
  | 'created'
  | 'detailsUpdated'
  | 'addressLinked'
  | 'addressUnlinked'
  | 'fieldAdded'
  | 'fieldChanged'
  | 'fieldCleared'
  | 'intakeSent'
  | 'intakeOpened'
  | 'intakeCompleted'
  | 'intakeRevoked';

export interface HistoryEvent {
  type: HistoryEventType;
  actorId: string;
  address: string | null;
  as: string | null;
  label: string | null;
  properties: string[] | null;
}

export interface HistoryItem {
  id: string;
  kind: HistoryKind;
  source: string;
  occurredAt: string;
  subject: string | null;
  from: EmailPerson | null;
  to: EmailPerson[];
  cc: EmailPerson[];
  preview: string | null;
  internetMessageId: string | null;
  itemId: string | null;
  webLink: string | null;
  inMailbox: boolean;
  savedBy: string | null;
  savedEmailId: string | null;
  event: HistoryEvent | null;
  /** The team member who saved the email or made the change; null for mailbox emails and the client's own steps. */
  actorName?: string | null;
  /** A saved email's attachments: stored (downloadable) or skipped with the reason. */
  attachments?: HistoryAttachment[] | null;
}

export type AttachmentSkipReason = 'file-too-large' | 'email-too-large' | 'not-a-file';

export interface HistoryAttachment {
  id: string;
  /** The sender's file name, cleaned by the service; shown as text only. */
  name: string;
  size: number;
  skipReason: AttachmentSkipReason | null;
}

export type MailboxSource = 'ok' | 'unavailable' | 'consent-required' | 'not-connected';

export interface MailboxChallenge {
  scopes: string[];
  claims: string | null;
}

export interface HistoryPage {
  items: HistoryItem[];
  nextCursor: string | null;
  sources: { mailbox: MailboxSource };
  mailboxChallenge: MailboxChallenge | null;
}

export interface SaveEmailBody {
  internetMessageId: string;
  itemId?: string | null;
  subject?: string | null;
  from: EmailPerson;
  to?: EmailPerson[];
  cc?: EmailPerson[];
  sentAt: string;
  preview?: string | null;
  conversationId?: string | null;
}

export interface SavedEmail {
  id: string;
  clientId: string;
  internetMessageId: string;
  subject: string;
  sentAt: string;
  savedAt: string;
  savedBy: string;
  attachments?: HistoryAttachment[] | null;
}

export type IntakeQuestionType = 'shortText' | 'longText' | 'date' | 'number' | 'singleChoice' | 'multipleChoice' | 'yesNo' | 'consent';

export interface IntakeTemplate {
  id: string;
  name: string;
  emailSubject: string;
  emailMessage: string;
  language: string;
  version: string;
  updatedAt: string;
}

/**
 * `sending`: the link is committed and its email is on its way; `notSent`: the email failed, or the send
 * was still pending two minutes after it began (the service stopped in between).
 */
export type IntakeStatus = 'sending' | 'notSent' | 'sent' | 'opened' | 'completed' | 'revoked' | 'expired';

/** How the link reached the client; `manual`: no email, the practitioner was shown the link to pass on. */
export type IntakeDelivery = 'pending' | 'sent' | 'failed' | 'manual';

/** Why a send failed: the problem code the send answered with. */
export type IntakeDeliveryProblem = 'mail-consent-required' | 'mail-unavailable';

export interface IntakeAnswer {
  questionId: string;
  section: string;
  question: string;
  type: IntakeQuestionType;
  values: string[];
}

export interface Intake {
  id: string;
  clientId: string;
  templateId: string;
  templateName: string;
  status: IntakeStatus;
  language: string;
  sentTo: string;
  sentAt: string;
  expiresAt: string;
  openedAt: string | null;
  completedAt: string | null;
  revokedAt: string | null;
  timesSent: number;
  answers: IntakeAnswer[] | null;
  delivery: IntakeDelivery;
  /** Set when `delivery` is `failed`. */
  deliveryProblem: IntakeDeliveryProblem | null;
  /** The link itself, only in the answer to sending or resending with manual delivery (the service keeps only its hash). */
  link: string | null;
}

/** Save on send: one send's chosen clients, each pending, saved, expired or skipped (with the problem code). */
export interface SendSave {
  key: string;
  clients: { clientId: string; state: 'pending' | 'saved' | 'expired' | 'skipped'; savedEmailId: string | null; reason: string | null }[];
}

export interface ResolvedSave {
  key: string;
  clientId: string;
  savedEmailId: string | null;
  subject: string | null;
  reason: string | null;
  createdAt: string;
}

/** `mailbox`: ok, unavailable (Sent Items could not be read: pending saves wait for the next resolve) or not-connected. */
export interface SendSaveResolution {
  saved: ResolvedSave[];
  skipped: ResolvedSave[];
  expired: ResolvedSave[];
  pending: number;
  mailbox: 'ok' | 'unavailable' | 'not-connected';
}

export interface SaveSettings {
  saveToKnownClientsWhenSent: boolean;
  /** Later emails of a conversation already saved to a record are saved there when the pane opens them. */
  saveConversationsAutomatically: boolean;
}

/** A client whose record holds an email of the open email's conversation; `messageSaved`: the open email is too. */
export interface ConversationClient {
  clientId: string;
  name: string;
  messageSaved: boolean;
}
