/**
 * The service's contract, by the names the pane uses: every shape comes from the generated
 * `generated/openapi.ts` (npm run api:types, from docs/openapi.json), none is written here.
 */
import type { components } from './generated/openapi';

type Schemas = components['schemas'];

/**
 * A request body as the service binds it: a property it reads as null (or false) when absent may be
 * left out. The service's own rules say which are required (validation-failed otherwise).
 */
type Body<T> = {
  [K in keyof T as null extends T[K] ? K : T[K] extends boolean ? K : never]?: T[K];
} & {
  [K in keyof T as null extends T[K] ? never : T[K] extends boolean ? never : K]: T[K];
};

export type ClientStatus = Schemas['ClientStatus'];
export type FieldType = Schemas['FieldType'];

export type LookupMatch = Schemas['LookupMatch'];
export type LookupResult = Schemas['LookupResult'];
export type LookupResponse = Schemas['LookupResponse'];

export type Suggestion = Schemas['Suggestion'];
export type SuggestionReason = Suggestion['reason'];
export type SuggestionsResult = Schemas['SuggestionsResult'];
/** What the service knows of a participant beyond the lookup: who it is not, and who it may be. */
export type ParticipantClass = SuggestionsResult['status'];
export type SuggestionsResponse = Schemas['SuggestionsResponse'];

export type ClientEmail = Schemas['ClientEmailDto'];
export type ClientFieldValue = Schemas['ClientFieldDto'];
export type ClientRecord = Schemas['ClientRecord'];
export type ClientSummary = Schemas['ClientSummary'];
export type ClientPage = Schemas['ClientPage'];

export type CreateClientBody = Body<Schemas['CreateClientRequest']>;
export type UpdateClientBody = Partial<Omit<CreateClientBody, 'allowSharedEmail'>>;
export type LinkEmailBody = Body<Schemas['LinkEmailRequest']>;

export type FieldDefinition = Schemas['FieldDto'];
export type Me = Schemas['MeResponse'];
export type AuthConfig = Schemas['AuthConfigResponse'];
export type DevToken = Schemas['DevelopmentTokenResponse'];

export type EmailPerson = Schemas['EmailParticipant'];

export type HistoryItem = Schemas['HistoryItem'];
export type HistoryKind = HistoryItem['kind'];
export type HistoryEvent = Schemas['HistoryEvent'];
export type HistoryEventType = HistoryEvent['type'];
export type HistoryAttachment = Schemas['HistoryAttachment'];
export type AttachmentSkipReason = NonNullable<HistoryAttachment['skipReason']>;
export type MailboxSource = Schemas['HistorySources']['mailbox'];
export type MailboxChallenge = Schemas['MailboxChallengeDto'];
export type HistoryPage = Schemas['HistoryPage'];

export type SaveEmailBody = Body<Schemas['SaveEmailRequest']>;
export type SavedEmail = Schemas['SavedEmailDto'];

export type IntakeQuestionType = Schemas['QuestionType'];
export type IntakeTemplate = Schemas['IntakeTemplateDto'];
export type Intake = Schemas['IntakeDto'];
/**
 * `sending`: the link is committed and its email is on its way; `notSent`: the email failed, or the send
 * was still pending two minutes after it began (the service stopped in between).
 */
export type IntakeStatus = Intake['status'];
/** How the link reached the client; `manual`: no email, the practitioner was shown the link to pass on. */
export type IntakeDelivery = Intake['delivery'];
/** Why a send failed: the problem code the send answered with. */
export type IntakeDeliveryProblem = NonNullable<Intake['deliveryProblem']>;
export type IntakeAnswer = Schemas['IntakeAnswerDto'];

/** Every problem `code` the service can send (its ProblemCodes registry). */
export type ProblemCode = Schemas['ProblemDetails']['code'];

/** Save on send: one send's chosen clients, each pending, saved, expired or skipped (with the problem code). */
export type SendSave = Schemas['SendSaveDto'];
export type ResolvedSave = Schemas['ResolvedSave'];
/** `mailbox`: ok, unavailable (Sent Items could not be read: pending saves wait for the next resolve) or not-connected. */
export type SendSaveResolution = Schemas['ResolveResult'];
export type SaveSettings = Schemas['SaveSettingsDto'];

/** A client whose record holds an email of the open email's conversation; `messageSaved`: the open email is too. */
export type ConversationClient = Schemas['ConversationClient'];
