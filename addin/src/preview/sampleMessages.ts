/** Fictional people and addresses only (example.com / example.org). */
export interface SamplePerson {
  displayName: string;
  emailAddress: string;
}

export interface SampleMessage {
  id: string;
  mode: 'read' | 'compose';
  subject: string;
  from: SamplePerson;
  to: SamplePerson[];
  cc: SamplePerson[];
  receivedAt: string;
  body: string;
  /** The RFC 5322 Message-ID; fake-office.js derives one from `id` when absent. */
  internetMessageId?: string;
  /** Outlook's conversation id (opaque); the messages of one thread share it. */
  conversationId?: string;
  /** Delays compose-mode getAsync answers, to try switching messages while a lookup is in flight. */
  getAsyncDelayMs?: number;
  /** The message is in this person's shared (or delegated) mailbox: fake-office.js answers getSharedPropertiesAsync. */
  sharedOwner?: SamplePerson;
  /** A draft's Internet headers, as fake-office.js's internetHeaders.setAsync left them (the save-on-send key). */
  headers?: Record<string, string>;
}

export const previewUser: SamplePerson = { displayName: 'Preview User', emailAddress: 'preview.user@example.com' };

const ana: SamplePerson = { displayName: 'Ana Souza', emailAddress: 'ana.souza@example.com' };
const lena: SamplePerson = { displayName: 'Lena Fischer', emailAddress: 'lena.fischer@example.com' };
const family: SamplePerson = { displayName: 'Okafor Family', emailAddress: 'okafor.family@example.org' };
/** The practice's shared front-desk mailbox, which the preview user reads as a delegate. */
export const frontDesk: SamplePerson = { displayName: 'Recepção', emailAddress: 'recepcao@example.com' };

export const sampleMessages: SampleMessage[] = [
  {
    id: 'msg-unknown-sender',
    mode: 'read',
    subject: 'Question about my first session',
    from: { displayName: 'Sam Rivera', emailAddress: 'sam.rivera@example.com' },
    to: [previewUser],
    cc: [],
    receivedAt: '2025-03-10T08:12:00Z',
    body: 'Hello, a friend recommended your practice. Do you have availability for a first session next week?',
  },
  {
    id: 'msg-known-client',
    mode: 'read',
    subject: 'Reagendar a consulta de quinta',
    from: ana,
    to: [previewUser],
    cc: [],
    receivedAt: '2025-03-10T07:45:00Z',
    internetMessageId: '<reagendar.quinta.7f3a@mail.example.com>',
    conversationId: 'AAQkAGPreview+reagendar/quinta=',
    body:
      'Olá! Preciso remarcar a consulta de quinta-feira. Sexta de manhã seria possível? Se não der, posso na segunda à tarde depois das 15h. ' +
      'Também queria confirmar se o recibo de fevereiro já foi enviado para o meu convênio, porque eles pediram a nota com o CPF. ' +
      'Obrigada pela paciência e até breve!',
  },
  {
    id: 'msg-shared-family',
    mode: 'read',
    subject: 'Appointments for both kids',
    from: family,
    to: [previewUser],
    cc: [],
    receivedAt: '2025-03-09T18:20:00Z',
    body: 'Hi, could Chidi and Amara have their sessions back to back on Tuesday?',
  },
  {
    id: 'msg-several-recipients',
    mode: 'read',
    subject: 'Group workshop on Saturday',
    from: lena,
    to: [previewUser, { displayName: 'Marco Bianchi', emailAddress: 'marco.bianchi@example.org' }],
    cc: [
      family,
      { displayName: 'Souza, Ana', emailAddress: 'ANA.SOUZA@example.com' },
      { displayName: 'Front Desk', emailAddress: 'PREVIEW.USER@example.com' },
      { displayName: 'Old Distribution List', emailAddress: '/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=wellness-team' },
    ],
    receivedAt: '2025-03-09T12:00:00Z',
    body: 'Looking forward to the breathing workshop. I am bringing Marco along, I hope that is fine.',
  },
  {
    id: 'msg-compose-draft',
    mode: 'compose',
    subject: 'Your intake form',
    from: previewUser,
    to: [ana],
    cc: [{ displayName: '"Priya Nair"', emailAddress: 'priya.nair@example.com' }],
    receivedAt: '2025-03-10T09:00:00Z',
    body: 'Draft: Hi Ana, please fill in the intake form before our next session.',
    getAsyncDelayMs: 600,
  },
  {
    id: 'msg-last-first',
    mode: 'read',
    subject: 'Receipt for February',
    from: { displayName: 'Costa,  Beatriz', emailAddress: 'bia.costa@example.com' },
    to: [previewUser],
    cc: [],
    receivedAt: '2025-03-08T15:30:00Z',
    body: 'Could you send me the receipt for February for my insurance?',
  },
  {
    id: 'msg-markup-name',
    mode: 'read',
    subject: '<b>Not bold</b> — names are text',
    from: { displayName: '<img src=x onerror=alert(1)>', emailAddress: 'markup.test@example.org' },
    to: [previewUser],
    cc: [],
    receivedAt: '2025-03-08T10:00:00Z',
    body: '<script>alert("this is text")</script>',
  },
  {
    id: 'msg-practice-team',
    mode: 'read',
    subject: 'Exames da semana',
    from: { displayName: 'Dra. Paula Menezes', emailAddress: 'paula.menezes@clinica-aurora.com.br' },
    to: [previewUser],
    cc: [{ displayName: 'Resultados Lab Vida', emailAddress: 'resultados@labvida.example' }],
    receivedAt: '2025-03-07T09:00:00Z',
    body: 'Seguem os resultados que chegaram do laboratório.',
  },
  {
    id: 'msg-address-as-name',
    mode: 'read',
    subject: 'Your booking is confirmed',
    from: { displayName: 'noreply@example.org', emailAddress: 'noreply@example.org' },
    to: [previewUser],
    cc: [],
    receivedAt: '2025-03-07T06:00:00Z',
    body: 'This is an automatic confirmation.',
  },
  {
    id: 'msg-front-desk',
    mode: 'read',
    subject: 'Remarcar para a semana que vem',
    from: ana,
    to: [frontDesk],
    cc: [{ displayName: 'Caio Lima', emailAddress: 'caio.lima@example.org' }],
    receivedAt: '2025-03-06T14:00:00Z',
    body: 'Oi, recepção! Posso remarcar minha sessão para a semana que vem?',
    sharedOwner: frontDesk,
  },
  {
    // A later email of the thread above: once that one is saved to Ana's record, this one offers to be saved too.
    id: 'msg-conversation-reply',
    mode: 'read',
    subject: 'RE: Reagendar a consulta de quinta',
    from: ana,
    to: [previewUser],
    cc: [],
    receivedAt: '2025-03-10T09:30:00Z',
    internetMessageId: '<reagendar.quinta.resposta.91c2@mail.example.com>',
    conversationId: 'AAQkAGPreview+reagendar/quinta=',
    body: 'Perfeito, sexta às 9h então. Obrigada!',
  },
];

export interface SampleClient {
  firstName: string;
  lastName: string;
  email: string;
}

/** Known clients for the preview: created through the API by "Seed sample clients". */
export const sampleClients: SampleClient[] = [
  { firstName: 'Ana', lastName: 'Souza', email: ana.emailAddress },
  { firstName: 'Lena', lastName: 'Fischer', email: lena.emailAddress },
  { firstName: 'Chidi', lastName: 'Okafor', email: family.emailAddress },
  { firstName: 'Amara', lastName: 'Okafor', email: family.emailAddress },
];
