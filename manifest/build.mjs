// Generates OutlookCrm's add-in manifests from source.json for one host, Entra app and version:
//   manifest.xml   add-in only manifest (MailApp, VersionOverrides 1.0 with a nested 1.1)
//   manifest.json  unified app manifest for Microsoft 365
//   pt-BR.json     its Brazilian Portuguese localization file
//   outlookcrm.zip the unified app package (manifest.json, pt-BR.json, color.png, outline.png)
//
//   node manifest/build.mjs --host https://crm.contoso.example --client-id <guid> --version 1.2.3.0 [--out manifest/dist]
//     [--support-url URL] [--privacy-url URL] [--terms-url URL]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ICONS_DIR } from './icons.mjs';
import { createZip } from './lib/zip.mjs';
import { comment, document, el } from './lib/xml.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const NIL_GUID = '00000000-0000-0000-0000-000000000000';
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const NS = {
  officeApp: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  vo10: 'http://schemas.microsoft.com/office/mailappversionoverrides',
  vo11: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1',
};

export class BuildError extends Error {}

export function loadSource(path = join(here, 'source.json')) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The add-in's origin: HTTPS only (Outlook loads add-ins only over HTTPS; https://localhost is fine for development). */
export function parseHost(value) {
  if (!value) throw new BuildError('--host is required, e.g. --host https://crm.contoso.example');
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new BuildError(`--host "${value}" is not a URL; give the origin the service is reached on, e.g. https://crm.contoso.example`);
  }
  if (url.protocol !== 'https:') {
    const hint = url.protocol === 'http:' ? ` (use https://${url.host}: Outlook loads add-ins only over HTTPS, localhost included)` : '';
    throw new BuildError(`--host must be an https:// origin, got "${value}"${hint}`);
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw new BuildError(`--host must be an origin only (scheme, host, optional port), got "${value}"`);
  }
  return { origin: url.origin, host: url.host, hostname: url.hostname };
}

export function parseClientId(value) {
  if (!value) throw new BuildError(`--client-id is required: the Entra application (client) id, a GUID (use ${NIL_GUID} for local development)`);
  if (!GUID.test(value)) throw new BuildError(`--client-id "${value}" is not a GUID like 1b2c3d4e-0000-4000-8000-123456789abc`);
  return value.toLowerCase();
}

/** XML needs n.n.n.n (each part 0–99999); the unified manifest needs semver n.n.n, so the 4th part must be 0. */
export function parseVersion(value) {
  if (!value) throw new BuildError('--version is required, e.g. --version 1.2.3.0');
  const match = /^(\d{1,5})\.(\d{1,5})\.(\d{1,5})(?:\.(\d{1,5}))?$/.exec(value);
  if (!match) throw new BuildError(`--version "${value}" must be major.minor.patch[.0], e.g. 1.2.3.0 (up to 5 digits each)`);
  const parts = match.slice(1, 4).map(Number);
  const fourth = match[4] === undefined ? 0 : Number(match[4]);
  if (fourth !== 0) throw new BuildError(`--version "${value}": the 4th part must be 0 (the unified manifest uses semver major.minor.patch)`);
  return { xml: `${parts.join('.')}.0`, semver: parts.join('.') };
}

function httpsUrl(value, flag) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new BuildError(`${flag} "${value}" is not a URL`);
  }
  if (url.protocol !== 'https:') throw new BuildError(`${flag} must be an https:// URL, got "${value}"`);
  return url.href;
}

/** Everything the templates need, computed once from the source and the inputs. */
export function resolveInputs(source, options) {
  const { origin, host } = parseHost(options.host);
  const clientId = parseClientId(options.clientId);
  const version = parseVersion(options.version);
  const locales = Object.keys(source.strings);
  const defaultLocale = source.defaultLocale;
  if (!locales.includes(defaultLocale)) throw new BuildError(`source.json has no strings for the default locale ${defaultLocale}`);
  const keys = Object.keys(source.strings[defaultLocale]);
  for (const locale of locales) {
    for (const key of keys) {
      if (!source.strings[locale][key]) throw new BuildError(`source.json: strings.${locale}.${key} is missing`);
    }
  }
  const url = (path) => origin + path;
  return {
    source,
    origin,
    host,
    clientId,
    // Development (nil client id): no Entra app, so no SSO metadata.
    sso: clientId !== NIL_GUID ? { clientId, resource: `api://${host}/${clientId}`, scopes: source.sso.graphScopes } : null,
    version,
    defaultLocale,
    otherLocales: locales.filter((l) => l !== defaultLocale),
    strings: source.strings,
    taskpaneUrl: url(source.paths.taskpane),
    sendEventPageUrl: url(source.paths.sendEventPage),
    sendEventScriptUrl: url(source.paths.sendEventScript),
    iconUrl: (size) => url(source.paths.icon.replace('{size}', String(size))),
    supportUrl: options.supportUrl ? httpsUrl(options.supportUrl, '--support-url') : url(source.paths.support),
    privacyUrl: options.privacyUrl ? httpsUrl(options.privacyUrl, '--privacy-url') : url(source.paths.privacy),
    termsUrl: options.termsUrl ? httpsUrl(options.termsUrl, '--terms-url') : url(source.paths.terms),
    appDomains: [origin, ...source.extraAppDomains.filter((d) => d !== origin)],
  };
}

// ---------------------------------------------------------------------------------------------
// Add-in only (XML) manifest. Element order follows the XSD sequences (OfficeAppManifestV1_1.xsd,
// MailAppVersionOverridesV1_0/V1_1.xsd); validate.mjs checks the same order.

function localized(name, key, r, extraAttrs = {}) {
  return el(
    name,
    { DefaultValue: r.strings[r.defaultLocale][key], ...extraAttrs },
    r.otherLocales.map((locale) => el('Override', { Locale: locale, Value: r.strings[locale][key] })),
  );
}

function btString(id, key, r) {
  return el(
    'bt:String',
    { id, DefaultValue: r.strings[r.defaultLocale][key] },
    r.otherLocales.map((locale) => el('bt:Override', { Locale: locale, Value: r.strings[locale][key] })),
  );
}

const RES = {
  taskpane: 'Taskpane.Url',
  sendEventPage: 'SendEvent.Url',
  sendEventScript: 'SendEventScript.Url',
  group: 'Group.Label',
  button: 'Button.Label',
  tipTitle: 'Button.TipTitle',
  tip: 'Button.Tip',
  icon: (size) => `Icon.${size}`,
};

function commandSurface(type, idPrefix, pinnable, r) {
  return el(
    'ExtensionPoint',
    { 'xsi:type': type },
    el(
      'OfficeTab',
      { id: 'TabDefault' },
      el(
        'Group',
        { id: `OutlookCrm.${idPrefix}.Group` },
        el('Label', { resid: RES.group }),
        el(
          'Control',
          { 'xsi:type': 'Button', id: `OutlookCrm.${idPrefix}.OpenPane` },
          el('Label', { resid: RES.button }),
          el('Supertip', {}, el('Title', { resid: RES.tipTitle }), el('Description', { resid: RES.tip })),
          el('Icon', {}, r.source.icons.button.map((size) => el('bt:Image', { size, resid: RES.icon(size) }))),
          el(
            'Action',
            { 'xsi:type': 'ShowTaskpane' },
            el('SourceLocation', { resid: RES.taskpane }),
            // SupportsPinning exists only in the VersionOverrides 1.1 schema, and only for read surfaces.
            pinnable ? el('SupportsPinning', {}, 'true') : null,
            // Several selected messages at once (item multi-select, Mailbox 1.13; older clients ignore it): read
            // surface of the 1.1 overrides too. Outlook allows it only with the ReadWriteMailbox permission.
            pinnable ? el('SupportsMultiSelect', {}, 'true') : null,
          ),
        ),
      ),
    ),
  );
}

/** Each mobile icon (25, 32 and 48 points at scales 1–3) names the PNG of its pixel size. */
const mobileIcons = (r) => r.source.icons.mobileButton.flatMap((size) => r.source.icons.mobileScales.map((scale) => ({ size, scale, pixels: size * scale })));

/**
 * Outlook on iOS and Android: a button on the read surface that opens the same task pane. Mobile Outlook
 * installs only add-ins with an XML manifest (VersionOverrides 1.1, Mailbox 1.5), so only this one carries it.
 */
function mobileFormFactor(r) {
  return el(
    'MobileFormFactor',
    {},
    el('FunctionFile', { resid: RES.taskpane }),
    el(
      'ExtensionPoint',
      { 'xsi:type': 'MobileMessageReadCommandSurface' },
      el(
        'Group',
        { id: 'OutlookCrm.Mobile.Group' },
        el('Label', { resid: RES.group }),
        el(
          'Control',
          { 'xsi:type': 'MobileButton', id: 'OutlookCrm.Mobile.OpenPane' },
          el('Label', { resid: RES.button }),
          el('Icon', { 'xsi:type': 'bt:MobileIconList' }, mobileIcons(r).map(({ size, scale, pixels }) => el('bt:Image', { size, scale, resid: RES.icon(pixels) }))),
          el('Action', { 'xsi:type': 'ShowTaskpane' }, el('SourceLocation', { resid: RES.taskpane })),
        ),
      ),
    ),
  );
}

/**
 * Save on send (event-based activation, Mailbox 1.12): OnMessageSend runs send-event.js, in the HTML page
 * on Outlook on the web, new Outlook and Mac, and as the JavaScript-only runtime (the Override) in classic
 * Outlook on Windows. Valid only in the 1.1 overrides; a client without 1.12 ignores the extension point and
 * the pane's resolve saves the email instead, so the overrides keep requiring Mailbox 1.5 (and stay on phones).
 */
function sendEventRuntime() {
  return el('Runtimes', {}, el('Runtime', { resid: RES.sendEventPage }, el('Override', { type: 'javascript', resid: RES.sendEventScript })));
}

function sendEventLaunch(r) {
  const event = r.source.sendEvent;
  return el(
    'ExtensionPoint',
    { 'xsi:type': 'LaunchEvent' },
    el('LaunchEvents', {}, el('LaunchEvent', { Type: 'OnMessageSend', FunctionName: event.functionName, SendMode: event.sendMode })),
    el('SourceLocation', { resid: RES.sendEventPage }),
  );
}

function versionOverrideBody(r, { requirement, pinning, sharedFolders, mobile, sendEvent }) {
  const imageSizes = [...new Set([...r.source.icons.button, ...(mobile ? mobileIcons(r).map((i) => i.pixels) : [])])].sort((a, b) => a - b);
  return [
    el('Requirements', {}, el('bt:Sets', { DefaultMinVersion: requirement.minVersion }, el('bt:Set', { Name: requirement.name }))),
    el(
      'Hosts',
      {},
      el(
        'Host',
        { 'xsi:type': 'MailHost' },
        sendEvent ? sendEventRuntime() : null,
        el(
          'DesktopFormFactor',
          {},
          // Shared and delegate mailboxes (getSharedPropertiesAsync); the element exists only in the 1.1 schema.
          sharedFolders ? el('SupportsSharedFolders', {}, 'true') : null,
          el('FunctionFile', { resid: RES.taskpane }),
          commandSurface('MessageReadCommandSurface', 'Read', pinning, r),
          commandSurface('MessageComposeCommandSurface', 'Compose', false, r),
          sendEvent ? sendEventLaunch(r) : null,
        ),
        mobile ? mobileFormFactor(r) : null,
      ),
    ),
    el(
      'Resources',
      {},
      el('bt:Images', {}, imageSizes.map((size) => el('bt:Image', { id: RES.icon(size), DefaultValue: r.iconUrl(size) }))),
      el(
        'bt:Urls',
        {},
        el('bt:Url', { id: RES.taskpane, DefaultValue: r.taskpaneUrl }),
        sendEvent ? [el('bt:Url', { id: RES.sendEventPage, DefaultValue: r.sendEventPageUrl }), el('bt:Url', { id: RES.sendEventScript, DefaultValue: r.sendEventScriptUrl })] : null,
      ),
      el('bt:ShortStrings', {}, btString(RES.group, 'groupLabel', r), btString(RES.button, 'buttonLabel', r), btString(RES.tipTitle, 'buttonTooltipTitle', r)),
      el('bt:LongStrings', {}, btString(RES.tip, 'buttonTooltip', r)),
    ),
  ];
}

export function buildXml(r) {
  const s = r.source;
  const v11 = el(
    'VersionOverrides',
    { xmlns: NS.vo11, 'xsi:type': 'VersionOverridesV1_1' },
    versionOverrideBody(r, { requirement: s.requirements.versionOverrides1_1, pinning: true, sharedFolders: true, mobile: true, sendEvent: true }),
    r.sso
      ? [
          comment(
            'The pane signs in with nested app authentication (MSAL), which needs no manifest entry. WebApplicationInfo ' +
              'serves the legacy Office SSO API (getAccessToken) and lets the Microsoft 365 admin center show and consent ' +
              'to the Entra app when the add-in is deployed. Its Resource must be api://<add-in host>/<client id>.',
          ),
          el(
            'WebApplicationInfo',
            {},
            el('Id', {}, r.sso.clientId),
            el('Resource', {}, r.sso.resource),
            el('Scopes', {}, r.sso.scopes.map((scope) => el('Scope', {}, scope))),
          ),
        ]
      : comment('Development build (nil client id): no Entra app, so no WebApplicationInfo.'),
  );
  const v10 = el(
    'VersionOverrides',
    { xmlns: NS.vo10, 'xsi:type': 'VersionOverridesV1_0' },
    versionOverrideBody(r, { requirement: s.requirements.versionOverrides1_0, pinning: false }),
    comment('Clients that support Mailbox 1.5 use the 1.1 overrides below (pinnable task pane).'),
    v11,
  );
  const root = el(
    'OfficeApp',
    { xmlns: NS.officeApp, 'xmlns:xsi': NS.xsi, 'xmlns:bt': NS.bt, 'xsi:type': 'MailApp' },
    el('Id', {}, s.addinId),
    el('Version', {}, r.version.xml),
    el('ProviderName', {}, s.providerName),
    el('DefaultLocale', {}, r.defaultLocale),
    localized('DisplayName', 'displayName', r),
    localized('Description', 'description', r),
    el('IconUrl', { DefaultValue: r.iconUrl(s.icons.appIcon) }),
    el('HighResolutionIconUrl', { DefaultValue: r.iconUrl(s.icons.highResolutionIcon) }),
    el('SupportUrl', { DefaultValue: r.supportUrl }),
    el('AppDomains', {}, r.appDomains.map((domain) => el('AppDomain', {}, domain))),
    el('Hosts', {}, el('Host', { Name: 'Mailbox' })),
    el('Requirements', {}, el('Sets', {}, el('Set', { Name: s.requirements.base.name, MinVersion: s.requirements.base.minVersion }))),
    el(
      'FormSettings',
      {},
      el('Form', { 'xsi:type': 'ItemRead' }, el('DesktopSettings', {}, el('SourceLocation', { DefaultValue: r.taskpaneUrl }), el('RequestedHeight', {}, s.readFormHeight))),
      el('Form', { 'xsi:type': 'ItemEdit' }, el('DesktopSettings', {}, el('SourceLocation', { DefaultValue: r.taskpaneUrl }))),
    ),
    el('Permissions', {}, s.permissions.xml),
    el(
      'Rule',
      { 'xsi:type': 'RuleCollection', Mode: 'Or' },
      el('Rule', { 'xsi:type': 'ItemIs', ItemType: 'Message', FormType: 'Read' }),
      el('Rule', { 'xsi:type': 'ItemIs', ItemType: 'Message', FormType: 'Edit' }),
    ),
    el('DisableEntityHighlighting', {}, 'false'),
    v10,
  );
  return document(root, `Generated by manifest/build.mjs from manifest/source.json for ${r.origin}; do not edit by hand.`);
}

// ---------------------------------------------------------------------------------------------
// Unified app manifest for Microsoft 365 and its localization file.

const RIBBON_CONTEXTS = ['mailRead', 'mailCompose'];
/** The XML's SendMode (SoftBlock) as the unified manifest spells it (softBlock). */
const unifiedSendMode = (mode) => mode[0].toLowerCase() + mode.slice(1);
const ACTION_ID = 'openTaskPane';

export function buildUnified(r) {
  const s = r.source;
  const en = r.strings[r.defaultLocale];
  const capability = { name: s.requirements.versionOverrides1_1.name, minVersion: s.requirements.versionOverrides1_1.minVersion };
  const buttonIcons = s.icons.button.map((size) => ({ size, url: r.iconUrl(size) }));
  const sendEventCapability = { name: s.requirements.sendEvent.name, minVersion: s.requirements.sendEvent.minVersion };
  const ribbon = (context) => ({
    requirements: { capabilities: [capability], scopes: ['mail'] },
    contexts: [context],
    tabs: [
      {
        builtInTabId: 'TabDefault',
        groups: [
          {
            id: `${context}Group`,
            label: en.groupLabel,
            icons: buttonIcons,
            controls: [
              {
                id: `${context}OpenPane`,
                type: 'button',
                label: en.buttonLabel,
                icons: buttonIcons,
                supertip: { title: en.buttonTooltipTitle, description: en.buttonTooltip },
                actionId: ACTION_ID,
              },
            ],
          },
        ],
      },
    ],
  });
  const manifest = {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${s.unifiedManifestVersion}/MicrosoftTeams.schema.json`,
    manifestVersion: s.unifiedManifestVersion,
    version: r.version.semver,
    id: s.addinId,
    localizationInfo: {
      defaultLanguageTag: r.defaultLocale,
      additionalLanguages: r.otherLocales.map((locale) => ({ languageTag: locale, file: `${locale}.json` })),
    },
    developer: { name: s.developerName, websiteUrl: r.supportUrl, privacyUrl: r.privacyUrl, termsOfUseUrl: r.termsUrl },
    name: { short: en.displayName, full: en.displayName },
    description: { short: en.shortDescription, full: en.description },
    icons: { outline: 'outline.png', color: 'color.png' },
    accentColor: s.accentColor,
    validDomains: [...new Set(r.appDomains.map((domain) => new URL(domain).host))],
    ...(r.sso ? { webApplicationInfo: { id: r.sso.clientId, resource: r.sso.resource } } : {}),
    authorization: {
      permissions: {
        resourceSpecific: [
          { name: s.permissions.unified, type: 'Delegated' },
          // The unified manifest's form of <SupportsSharedFolders>: the pane also opens in shared and delegate mailboxes.
          { name: s.permissions.unifiedSharedFolders, type: 'Delegated' },
        ],
      },
    },
    extensions: [
      {
        requirements: { scopes: ['mail'], capabilities: [capability] },
        runtimes: [
          {
            requirements: { capabilities: [capability] },
            id: 'TaskPaneRuntime',
            type: 'general',
            code: { page: r.taskpaneUrl },
            lifetime: 'short',
            // multiselect: the unified form of <SupportsMultiSelect> (needs Mailbox.ReadWrite.User, as the XML needs ReadWriteMailbox).
            actions: [{ id: ACTION_ID, type: 'openPage', pinnable: true, multiselect: true }],
          },
          {
            // Save on send: the event's own small runtime (page for the web and new Outlook, script for classic Windows).
            requirements: { capabilities: [sendEventCapability] },
            id: 'SendEventRuntime',
            type: 'general',
            code: { page: r.sendEventPageUrl, script: r.sendEventScriptUrl },
            lifetime: 'short',
            actions: [{ id: s.sendEvent.functionName, type: 'executeFunction' }],
          },
        ],
        autoRunEvents: [
          {
            requirements: { capabilities: [sendEventCapability], scopes: ['mail'] },
            events: [{ type: 'messageSending', actionId: s.sendEvent.functionName, options: { sendMode: unifiedSendMode(s.sendEvent.sendMode) } }],
          },
        ],
        ribbons: RIBBON_CONTEXTS.map(ribbon),
        alternates: [
          {
            alternateIcons: {
              icon: { size: s.icons.appIcon, url: r.iconUrl(s.icons.appIcon) },
              // The schema allows sizes up to 80 only; the high-resolution icon is declared as size 64 with the 128 px image.
              highResolutionIcon: { size: s.icons.appIcon, url: r.iconUrl(s.icons.highResolutionIcon) },
            },
          },
        ],
      },
    ],
  };
  const localizations = Object.fromEntries(
    r.otherLocales.map((locale) => {
      const t = r.strings[locale];
      const file = {
        $schema: `https://developer.microsoft.com/json-schemas/teams/v${s.unifiedManifestVersion}/MicrosoftTeams.Localization.schema.json`,
        'name.short': t.displayName,
        'name.full': t.displayName,
        'description.short': t.shortDescription,
        'description.full': t.description,
      };
      RIBBON_CONTEXTS.forEach((_, i) => {
        const group = `extensions[0].ribbons[${i}].tabs[0].groups[0]`;
        file[`${group}.label`] = t.groupLabel;
        file[`${group}.controls[0].label`] = t.buttonLabel;
        file[`${group}.controls[0].supertip.title`] = t.buttonTooltipTitle;
        file[`${group}.controls[0].supertip.description`] = t.buttonTooltip;
      });
      return [locale, file];
    }),
  );
  return { manifest, localizations };
}

export function buildAll(options, source = loadSource()) {
  const r = resolveInputs(source, options);
  const xml = buildXml(r);
  const { manifest, localizations } = buildUnified(r);
  return { inputs: r, xml, manifest, localizations };
}

const json = (value) => JSON.stringify(value, null, 2) + '\n';

/** Writes the four outputs into outDir; returns the file paths. */
export function writeAll(result, outDir, iconsDir = ICONS_DIR) {
  mkdirSync(outDir, { recursive: true });
  const s = result.inputs.source;
  const written = [];
  const write = (name, data) => {
    writeFileSync(join(outDir, name), data);
    written.push(join(outDir, name));
  };
  write('manifest.xml', result.xml);
  write('manifest.json', json(result.manifest));
  for (const [locale, file] of Object.entries(result.localizations)) write(`${locale}.json`, json(file));
  const entries = [
    { name: 'manifest.json', data: json(result.manifest) },
    ...Object.entries(result.localizations).map(([locale, file]) => ({ name: `${locale}.json`, data: json(file) })),
    { name: 'color.png', data: readFileSync(join(iconsDir, `color-${s.icons.packageColor}.png`)) },
    { name: 'outline.png', data: readFileSync(join(iconsDir, `outline-${s.icons.packageOutline}.png`)) },
  ];
  write('outlookcrm.zip', createZip(entries));
  return written;
}

function main(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string' },
      'client-id': { type: 'string' },
      version: { type: 'string' },
      out: { type: 'string' },
      'support-url': { type: 'string' },
      'privacy-url': { type: 'string' },
      'terms-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log('node manifest/build.mjs --host https://<host> --client-id <guid> --version <n.n.n.0> [--out manifest/dist] [--support-url URL] [--privacy-url URL] [--terms-url URL]');
    return;
  }
  const result = buildAll({
    host: values.host,
    clientId: values['client-id'],
    version: values.version,
    supportUrl: values['support-url'],
    privacyUrl: values['privacy-url'],
    termsUrl: values['terms-url'],
  });
  const outDir = resolve(values.out ?? join(here, 'dist'));
  for (const path of writeAll(result, outDir)) console.log(`wrote ${path}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    if (error instanceof BuildError || error?.code?.startsWith?.('ERR_PARSE_ARGS')) {
      console.error(`build.mjs: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}
