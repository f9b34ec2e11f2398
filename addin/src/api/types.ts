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
