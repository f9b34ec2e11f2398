// Offline validation of OutlookCrm's manifests (Microsoft's validator is an online service):
//  - manifest.xml: well-formed, and the rules Microsoft documents for add-in only Outlook manifests: child
//    element order and required elements (from the XSD sequences in OfficeAppManifestV1_1.xsd and
//    MailAppVersionOverridesV1_0/V1_1.xsd, [MS-OWEMXML]), HTTPS-only URLs, icon sizes, resource ids,
//    SupportsPinning only inside VersionOverridesV1_1, both message surfaces, Mailbox 1.5 in V1_1,
//    an Override for every string in every extra locale.
//  - manifest.json (unified app manifest) and its localization files: the official JSON schemas bundled in
//    npm's @microsoft/app-manifest, plus the same add-in rules.
//  - outlookcrm.zip: the app package (manifest, localization files, 192×192 colour and 32×32 outline icons).
//  - the XML→JSON conversion by office-addin-manifest-converter (works offline), checked against the schema.
//
//   node manifest/validate.mjs manifest/dist [--icons addin/public/icons] [--locale pt-BR] [--no-convert]
import { mkdtempSync, readFileSync, existsSync, rmSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodePng, readPngHeader } from './lib/png.mjs';
import { readZip } from './lib/zip.mjs';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const NS = {
  officeApp: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  vo10: 'http://schemas.microsoft.com/office/mailappversionoverrides',
  vo11: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1',
};
const BUTTON_ICON_SIZES = [16, 32, 80];
const MOBILE_ICON_SIZES = [25, 32, 48];
const MOBILE_ICON_SCALES = [1, 2, 3];
const MIN_PINNABLE_MAILBOX = '1.5';

// ---------------------------------------------------------------------------------------------
// XML tree

/** Parses XML into { name, attrs, children, text, parent } nodes (document order kept); throws on malformed XML. */
export function parseXml(text) {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  }
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false, trimValues: true, commentPropName: '#comment' });
  const convert = (items, parent) =>
    items.flatMap((item) => {
      const name = Object.keys(item).find((k) => k !== ':@');
      if (name === '#text' || name === '#comment' || name === '?xml') return [];
      const node = { name, attrs: item[':@'] ?? {}, children: [], text: '', parent };
      node.children = convert(item[name], node);
      node.text = item[name].filter((c) => '#text' in c).map((c) => String(c['#text'])).join('');
      return [node];
    });
  const roots = convert(parser.parse(text), null);
  if (roots.length !== 1) throw new Error('expected exactly one root element');
  return roots[0];
}

const kids = (node, name) => node.children.filter((c) => c.name === name);
const kid = (node, name) => node.children.find((c) => c.name === name);
function* walk(node) {
  yield node;
  for (const child of node.children) yield* walk(child);
}
function pathOf(node) {
  const parts = [];
  for (let n = node; n; n = n.parent) parts.unshift(n.attrs['xsi:type'] ? `${n.name}[${n.attrs['xsi:type']}]` : n.name);
  return parts.join('/');
}
const closest = (node, predicate) => {
  for (let n = node.parent; n; n = n.parent) if (predicate(n)) return n;
  return null;
};
const voType = (node) => (node.name === 'VersionOverrides' ? node.attrs['xsi:type'] : null);
const enclosingVo = (node) => closest(node, (n) => n.name === 'VersionOverrides');
const versionAtLeast = (a, b) => {
  const [a1, a2] = a.split('.').map(Number), [b1, b2] = b.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
};

// ---------------------------------------------------------------------------------------------
// Element sequences from the XSDs: [name, minOccurs, maxOccurs]. Children must appear in this order.

const MANY = Infinity;
const SEQUENCES = {
  OfficeApp: [['Id', 1, 1], ['AlternateId', 0, 1], ['Version', 1, 1], ['ProviderName', 1, 1], ['DefaultLocale', 1, 1], ['DisplayName', 1, 1], ['Description', 1, 1], ['IconUrl', 0, 1], ['HighResolutionIconUrl', 0, 1], ['SupportUrl', 0, 1], ['AppDomains', 0, 1], ['Hosts', 0, 1], ['Requirements', 1, 1], ['FormSettings', 1, 1], ['Permissions', 0, 1], ['Rule', 1, 1], ['DisableEntityHighlighting', 0, 1], ['VersionOverrides', 0, 1]],
  VersionOverridesV1_0: [['Description', 0, 1], ['Requirements', 0, 1], ['Hosts', 0, 1], ['Resources', 0, 1], ['VersionOverrides', 0, 1]],
  VersionOverridesV1_1: [['Description', 0, 1], ['Requirements', 0, 1], ['Hosts', 0, 1], ['Resources', 0, 1], ['WebApplicationInfo', 0, 1], ['EquivalentAddins', 0, 1], ['ConnectedServiceControls', 0, 1], ['ExtendedPermissions', 0, 1]],
  'MailHost@V1_0': [['DesktopFormFactor', 0, 1]],
  'MailHost@V1_1': [['Runtimes', 0, 1], ['DesktopFormFactor', 0, 1], ['MobileFormFactor', 0, 1]],
  'DesktopFormFactor@V1_0': [['FunctionFile', 0, 1], ['ExtensionPoint', 1, MANY]],
  'DesktopFormFactor@V1_1': [['SupportsSharedFolders', 0, 1], ['FunctionFile', 0, 1], ['ExtensionPoint', 1, MANY]],
  MobileFormFactor: [['FunctionFile', 0, 1], ['ExtensionPoint', 1, MANY]],
  Runtimes: [['Runtime', 1, MANY]],
  Runtime: [['Override', 0, MANY]],
  LaunchEventPoint: [['LaunchEvents', 1, 1], ['SourceLocation', 1, 1]],
  LaunchEvents: [['LaunchEvent', 1, MANY]],
  MobileCommandSurface: [['Group', 1, 1]],
  MobileButton: [['Label', 1, 1], ['Icon', 1, 1], ['Action', 1, 1]],
  CommandSurface: [['OfficeTab', 0, MANY], ['CustomTab', 0, MANY]],
  OfficeTab: [['Group', 1, MANY]],
  Group: [['Label', 1, 1], ['Control', 1, MANY]],
  Button: [['Label', 1, 1], ['Supertip', 1, 1], ['Icon', 1, 1], ['Action', 1, 1]],
  Supertip: [['Title', 1, 1], ['Description', 1, 1]],
  Icon: [['bt:Image', 1, MANY]],
  'ShowTaskpane@V1_0': [['SourceLocation', 1, 1]],
  'ShowTaskpane@V1_1': [['SourceLocation', 1, 1], ['SupportsPinning', 0, 1], ['SupportsNoItemContext', 0, 1], ['SupportsMultiSelect', 0, 1]],
  Resources: [['bt:Images', 0, 1], ['bt:Urls', 0, 1], ['bt:ShortStrings', 0, 1], ['bt:LongStrings', 0, 1]],
  VoRequirements: [['bt:Sets', 0, 1], ['bt:Methods', 0, 1]],
  WebApplicationInfo: [['Id', 1, 1], ['Resource', 1, 1], ['Scopes', 0, 1]],
  BaseRequirements: [['Sets', 1, 1]],
  Sets: [['Set', 1, MANY]],
  Hosts: [['Host', 1, MANY]],
  AppDomains: [['AppDomain', 1, MANY]],
  FormSettings: [['Form', 1, 2]],
  Form: [['DesktopSettings', 1, 1], ['TabletSettings', 0, 1], ['PhoneSettings', 0, 1]],
  'DesktopSettings@ItemRead': [['SourceLocation', 1, 1], ['RequestedHeight', 1, 1]],
  'DesktopSettings@ItemEdit': [['SourceLocation', 1, 1]],
};

const SEND_MODES = ['PromptUser', 'SoftBlock', 'Block'];
const SEND_EVENT_PERMISSIONS = ['ReadWriteItem', 'ReadWriteMailbox'];

/**
 * Event-based activation (save on send): LaunchEvent only in the 1.1 overrides, inside DesktopFormFactor;
 * its SourceLocation names a <Runtime> of the same host, which has the JavaScript override classic Outlook
 * on Windows runs; OnMessageSend has a function name and a known SendMode; and the add-in may write the item
 * (the handler stamps the send key header).
 */
function launchEventErrors(vo, hosts, label, permissions) {
  const errors = [];
  const points = [...walk(hosts)].filter((n) => n.name === 'ExtensionPoint' && n.attrs['xsi:type'] === 'LaunchEvent' && enclosingVo(n) === vo);
  if (points.length === 0) return errors;
  if (label !== 'VersionOverridesV1_1') return [`${label}: <ExtensionPoint xsi:type="LaunchEvent"> is valid only in the 1.1 overrides`];
  const runtimes = new Map([...walk(hosts)].filter((n) => n.name === 'Runtime' && enclosingVo(n) === vo).map((n) => [n.attrs.resid, n]));
  for (const point of points) {
    if (point.parent?.name !== 'DesktopFormFactor') errors.push(`${pathOf(point)}: a LaunchEvent extension point belongs in <DesktopFormFactor>`);
    const source = kid(point, 'SourceLocation')?.attrs.resid;
    const runtime = runtimes.get(source);
    if (!runtime) errors.push(`${pathOf(point)}: SourceLocation "${source}" is not a <Runtime> of this host (<Runtimes> before <DesktopFormFactor>)`);
    else if (!kids(runtime, 'Override').some((o) => o.attrs.type === 'javascript' && o.attrs.resid)) errors.push(`${pathOf(runtime)}: no <Override type="javascript"> (classic Outlook on Windows runs only the JavaScript file)`);
    for (const event of kids(kid(point, 'LaunchEvents') ?? { children: [] }, 'LaunchEvent')) {
      if (!event.attrs.Type || !event.attrs.FunctionName) errors.push(`${pathOf(event)}: Type and FunctionName are required`);
      if (event.attrs.Type === 'OnMessageSend') {
        if (event.attrs.SendMode !== undefined && !SEND_MODES.includes(event.attrs.SendMode)) errors.push(`${pathOf(event)}: SendMode "${event.attrs.SendMode}" is not one of ${SEND_MODES.join(', ')}`);
        if (!SEND_EVENT_PERMISSIONS.includes(permissions)) errors.push(`${pathOf(event)}: OnMessageSend stamps the item, so <Permissions> must be ReadWriteItem or ReadWriteMailbox, got ${permissions}`);
      }
    }
  }
  return errors;
}

/** Which sequence (if any) governs a node's children. */
function sequenceKey(node) {
  const vo = enclosingVo(node);
  const version = vo ? (voType(vo) === 'VersionOverridesV1_1' ? 'V1_1' : 'V1_0') : null;
  const type = node.attrs['xsi:type'];
  switch (node.name) {
    case 'OfficeApp': return 'OfficeApp';
    case 'VersionOverrides': return type;
    case 'Host': return vo ? `MailHost@${version}` : null;
    case 'DesktopFormFactor': return `DesktopFormFactor@${version}`;
    case 'MobileFormFactor': return 'MobileFormFactor';
    case 'ExtensionPoint': return type === 'LaunchEvent' ? 'LaunchEventPoint' : /^Mobile.*CommandSurface$/.test(type ?? '') ? 'MobileCommandSurface' : /CommandSurface$/.test(type ?? '') ? 'CommandSurface' : null;
    case 'Runtimes': case 'Runtime': case 'LaunchEvents': return node.name;
    case 'OfficeTab': case 'Group': case 'Supertip': case 'Icon': case 'Resources': case 'WebApplicationInfo': case 'FormSettings': case 'Sets': case 'AppDomains': return node.name;
    case 'Control': return type === 'Button' ? 'Button' : type === 'MobileButton' ? 'MobileButton' : null;
    case 'Action': return type === 'ShowTaskpane' ? `ShowTaskpane@${version}` : null;
    case 'Requirements': return vo ? 'VoRequirements' : node.parent?.name === 'OfficeApp' ? 'BaseRequirements' : null;
    case 'Hosts': return vo ? null : 'Hosts';
    case 'Form': return 'Form';
    case 'DesktopSettings': return `DesktopSettings@${node.parent?.attrs['xsi:type']}`;
    default: return null;
  }
}

function checkSequence(node, spec, errors) {
  const counts = new Array(spec.length).fill(0);
  const order = spec.map(([name]) => name).join(', ');
  let position = 0;
  for (const child of node.children) {
    let k = position;
    while (k < spec.length && spec[k][0] !== child.name) k++;
    if (k === spec.length) {
      const known = spec.some(([name]) => name === child.name);
      errors.push(known
        ? `${pathOf(child)}: <${child.name}> is out of order under <${node.name}>; the order is ${order}`
        : `${pathOf(child)}: <${child.name}> is not a valid child of <${node.name}> (allowed, in order: ${order})`);
      continue;
    }
    position = k;
    counts[k]++;
    if (counts[k] > spec[k][2]) errors.push(`${pathOf(child)}: <${child.name}> appears more than ${spec[k][2]} time(s) under <${node.name}>`);
  }
  spec.forEach(([name, min], i) => {
    if (counts[i] < min) errors.push(`${pathOf(node)}: required <${name}> is missing`);
  });
}

// ---------------------------------------------------------------------------------------------
// XML rules

const URL_ELEMENTS = new Set(['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'bt:Url', 'bt:Image']);
const iconSizeFromUrl = (url) => Number(/icon-(\d+)\.png$/.exec(url ?? '')?.[1] ?? NaN);

function isHttpsUrl(value) {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Checks an add-in only manifest. options.locales: locales every string needs an Override for (default pt-BR);
 * options.iconsDir: folder holding the icon-<size>.png files the icon URLs name (checked for real PNG sizes).
 * Returns { errors, root }.
 */
export function validateXmlManifest(xmlText, options = {}) {
  const locales = options.locales ?? ['pt-BR'];
  const errors = [];
  let root;
  try {
    root = parseXml(xmlText);
  } catch (error) {
    return { errors: [error.message], root: null };
  }
  if (root.name !== 'OfficeApp') return { errors: [`root element is <${root.name}>, expected <OfficeApp>`], root };
  if (root.attrs.xmlns !== NS.officeApp) errors.push(`OfficeApp xmlns must be ${NS.officeApp}`);
  if (root.attrs['xsi:type'] !== 'MailApp') errors.push(`OfficeApp xsi:type must be MailApp, got ${root.attrs['xsi:type']}`);
  if (root.attrs['xmlns:bt'] !== NS.bt) errors.push(`OfficeApp must declare xmlns:bt="${NS.bt}"`);

  // Order and required elements.
  for (const node of walk(root)) {
    const key = sequenceKey(node);
    if (key && SEQUENCES[key]) checkSequence(node, SEQUENCES[key], errors);
    else if (key && node.name === 'VersionOverrides') errors.push(`${pathOf(node)}: unknown VersionOverrides xsi:type "${node.attrs['xsi:type']}"`);
  }

  // Values of the base manifest.
  const text = (name) => kid(root, name)?.text?.trim() ?? '';
  if (!GUID.test(text('Id'))) errors.push(`<Id> must be a GUID, got "${text('Id')}"`);
  if (!/^\d{1,5}(\.\d{1,5}){3}$/.test(text('Version'))) errors.push(`<Version> must be n.n.n.n, got "${text('Version')}"`);
  if (!text('ProviderName') || text('ProviderName').length > 125) errors.push('<ProviderName> must be 1–125 characters');
  if (text('DefaultLocale') !== 'en-US') errors.push(`<DefaultLocale> must be en-US, got "${text('DefaultLocale')}"`);
  const displayName = kid(root, 'DisplayName');
  const description = kid(root, 'Description');
  if (displayName && !(displayName.attrs.DefaultValue?.length <= 125)) errors.push('<DisplayName DefaultValue> must be 1–125 characters');
  if (description && !(description.attrs.DefaultValue?.length <= 250)) errors.push('<Description DefaultValue> must be 1–250 characters');
  for (const required of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Permissions', 'VersionOverrides']) {
    if (!kid(root, required)) errors.push(`<${required}> is required for OutlookCrm's manifest`);
  }
  const permissions = text('Permissions');
  if (permissions && !['Restricted', 'ReadItem', 'ReadWriteItem', 'ReadWriteMailbox'].includes(permissions)) errors.push(`<Permissions> "${permissions}" is not a mail add-in permission`);
  if (kid(root, 'Hosts') && !kids(kid(root, 'Hosts'), 'Host').some((h) => h.attrs.Name === 'Mailbox')) errors.push('<Hosts> must contain <Host Name="Mailbox">');
  const baseSets = kid(kid(root, 'Requirements') ?? { children: [] }, 'Sets');
  if (!baseSets || !kids(baseSets, 'Set').some((s) => s.attrs.Name === 'Mailbox')) errors.push('base <Requirements> must name the Mailbox requirement set');

  // Forms and activation rules: read and compose messages.
  const forms = kids(kid(root, 'FormSettings') ?? { children: [] }, 'Form').map((f) => f.attrs['xsi:type']);
  for (const form of ['ItemRead', 'ItemEdit']) if (!forms.includes(form)) errors.push(`<FormSettings> needs a <Form xsi:type="${form}">`);
  for (const height of [...walk(root)].filter((n) => n.name === 'RequestedHeight')) {
    const value = Number(height.text);
    if (!(value >= 32 && value <= 450)) errors.push(`${pathOf(height)}: RequestedHeight must be 32–450, got "${height.text}"`);
  }
  const itemIs = [...walk(kid(root, 'Rule') ?? { children: [] })].filter((n) => n.name === 'Rule' && n.attrs['xsi:type'] === 'ItemIs' && n.attrs.ItemType === 'Message');
  for (const formType of ['Read', 'Edit']) {
    if (!itemIs.some((r) => r.attrs.FormType === formType || r.attrs.FormType === 'ReadOrEdit')) errors.push(`<Rule> must activate on messages in ${formType} mode (ItemIs ItemType="Message" FormType="${formType}")`);
  }

  // HTTPS only: every URL-valued attribute or text (namespace declarations aside).
  for (const node of walk(root)) {
    for (const [name, value] of Object.entries(node.attrs)) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !/^https:\/\//i.test(value)) errors.push(`${pathOf(node)} @${name}: "${value}" is not an https:// URL`);
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(node.text) && !/^(https|api):\/\//i.test(node.text)) errors.push(`${pathOf(node)}: "${node.text}" is not an https:// URL`);
    if (URL_ELEMENTS.has(node.name) && node.attrs.DefaultValue !== undefined && !isHttpsUrl(node.attrs.DefaultValue)) errors.push(`${pathOf(node)}: DefaultValue "${node.attrs.DefaultValue}" must be an absolute https:// URL`);
    if (node.name === 'AppDomain' && !isHttpsUrl(node.text)) errors.push(`${pathOf(node)}: "${node.text}" must be an https:// origin`);
  }

  // Add-in icons: 64 px IconUrl and 128 px HighResolutionIconUrl.
  const iconChecks = [];
  for (const [name, size] of [['IconUrl', 64], ['HighResolutionIconUrl', 128]]) {
    const url = kid(root, name)?.attrs.DefaultValue;
    if (!url) continue;
    const named = iconSizeFromUrl(url);
    if (!Number.isNaN(named) && named !== size) errors.push(`<${name}> must be the ${size} px icon, got ${url}`);
    iconChecks.push({ where: `<${name}>`, url, size });
  }

  // VersionOverrides: nesting, requirement sets, surfaces, pinning, resources, strings.
  const vo10 = kids(root, 'VersionOverrides')[0];
  const vo11 = vo10 ? kids(vo10, 'VersionOverrides')[0] : null;
  if (vo10) {
    if (vo10.attrs['xsi:type'] !== 'VersionOverridesV1_0' || vo10.attrs.xmlns !== NS.vo10) errors.push(`the top <VersionOverrides> must be xsi:type="VersionOverridesV1_0" with xmlns="${NS.vo10}"`);
    if (!vo11) errors.push('<VersionOverrides xsi:type="VersionOverridesV1_1"> must be nested inside the 1.0 overrides');
    else if (vo11.attrs['xsi:type'] !== 'VersionOverridesV1_1' || vo11.attrs.xmlns !== NS.vo11) errors.push(`the nested <VersionOverrides> must be xsi:type="VersionOverridesV1_1" with xmlns="${NS.vo11}"`);
  }
  for (const vo of [...walk(root)].filter((n) => n.name === 'VersionOverrides')) {
    const label = vo.attrs['xsi:type'];
    const sets = kid(kid(vo, 'Requirements') ?? { children: [] }, 'bt:Sets');
    const mailbox = sets && kids(sets, 'bt:Set').find((s) => s.attrs.Name === 'Mailbox');
    const minVersion = mailbox ? mailbox.attrs.MinVersion ?? sets.attrs.DefaultMinVersion ?? '1.1' : null;
    if (label === 'VersionOverridesV1_1') {
      if (!minVersion) errors.push('VersionOverridesV1_1 must require the Mailbox requirement set');
      else if (!versionAtLeast(minVersion, MIN_PINNABLE_MAILBOX)) errors.push(`VersionOverridesV1_1 must require Mailbox ${MIN_PINNABLE_MAILBOX} or later, got ${minVersion}`);
    }
    const hosts = kid(vo, 'Hosts');
    if (hosts) {
      const surfaces = [...walk(hosts)].filter((n) => n.name === 'ExtensionPoint' && enclosingVo(n) === vo).map((n) => n.attrs['xsi:type']);
      for (const surface of ['MessageReadCommandSurface', 'MessageComposeCommandSurface']) {
        if (!surfaces.includes(surface)) errors.push(`${label}: no <ExtensionPoint xsi:type="${surface}">`);
      }
      // Outlook on iOS and Android: OutlookCrm's 1.1 overrides open the pane from the mobile read surface.
      const mobile = kid(kids(hosts, 'Host')[0] ?? { children: [] }, 'MobileFormFactor');
      const mobileSurfaces = mobile ? kids(mobile, 'ExtensionPoint').map((n) => n.attrs['xsi:type']) : [];
      if (label === 'VersionOverridesV1_1' && !mobileSurfaces.includes('MobileMessageReadCommandSurface')) errors.push(`${label}: no <MobileFormFactor> with <ExtensionPoint xsi:type="MobileMessageReadCommandSurface"> (Outlook on iOS and Android)`);
      errors.push(...launchEventErrors(vo, hosts, label, text('Permissions')));
    }
    // Resources of this VersionOverrides, by kind.
    const resources = kid(vo, 'Resources');
    const byKind = {};
    for (const [kind, element] of [['bt:Images', 'bt:Image'], ['bt:Urls', 'bt:Url'], ['bt:ShortStrings', 'bt:String'], ['bt:LongStrings', 'bt:String']]) {
      byKind[kind] = new Map();
      for (const item of kids(kid(resources ?? { children: [] }, kind) ?? { children: [] }, element)) {
        if (byKind[kind].has(item.attrs.id)) errors.push(`${label}: duplicate resource id "${item.attrs.id}" in <${kind}>`);
        if (!item.attrs.id || item.attrs.id.length > 32) errors.push(`${label}: resource id "${item.attrs.id}" must be 1–32 characters`);
        byKind[kind].set(item.attrs.id, item);
      }
    }
    const expectKind = (node) => {
      if (node.name === 'bt:Image') return 'bt:Images';
      if (node.name === 'SourceLocation' || node.name === 'FunctionFile' || node.name === 'Runtime' || node.name === 'Override') return 'bt:Urls';
      if (node.name === 'Description' && node.parent?.name === 'Supertip') return 'bt:LongStrings';
      if (node.name === 'Description' && node.parent === vo) return 'bt:LongStrings';
      return 'bt:ShortStrings'; // Label, Title
    };
    for (const node of [...walk(vo)].filter((n) => n.attrs.resid !== undefined && enclosingVo(n) === vo)) {
      const kind = expectKind(node);
      if (!byKind[kind].has(node.attrs.resid)) errors.push(`${pathOf(node)}: resid "${node.attrs.resid}" is not defined in <${kind}> of ${label}`);
    }
    // Strings: limits and an Override for each extra locale.
    for (const [kind, max] of [['bt:ShortStrings', 125], ['bt:LongStrings', 250]]) {
      for (const [id, item] of byKind[kind]) {
        if (!item.attrs.DefaultValue || item.attrs.DefaultValue.length > max) errors.push(`${label}: string "${id}" must be 1–${max} characters`);
        for (const locale of locales) {
          const override = kids(item, 'bt:Override').find((o) => o.attrs.Locale === locale);
          if (!override) errors.push(`${label}: string "${id}" has no <bt:Override Locale="${locale}">`);
          else if (!override.attrs.Value || override.attrs.Value.length > max) errors.push(`${label}: ${locale} override of "${id}" must be 1–${max} characters`);
        }
      }
    }
    // Buttons: 16/32/80 px icons (mobile buttons: 25/32/48 at scales 1, 2 and 3), and the images they name.
    for (const control of [...walk(vo)].filter((n) => n.name === 'Control' && enclosingVo(n) === vo)) {
      const mobile = control.attrs['xsi:type'] === 'MobileButton';
      const icon = kid(control, 'Icon') ?? { attrs: {}, children: [] };
      const images = kids(icon, 'bt:Image');
      // A mobile image's pixel size is its size (points) times its scale.
      const pixelsOf = (image) => Number(image.attrs.size) * (mobile ? Number(image.attrs.scale) : 1);
      if (mobile) {
        if (icon.attrs['xsi:type'] !== 'bt:MobileIconList') errors.push(`${pathOf(control)}: a MobileButton's <Icon> must be xsi:type="bt:MobileIconList"`);
        for (const size of MOBILE_ICON_SIZES) {
          for (const scale of MOBILE_ICON_SCALES) {
            if (!images.some((i) => Number(i.attrs.size) === size && Number(i.attrs.scale) === scale)) errors.push(`${pathOf(control)}: no ${size} px icon at scale ${scale} (mobile buttons need 25, 32 and 48 at scales 1, 2 and 3)`);
          }
        }
      } else {
        const sizes = images.map((i) => Number(i.attrs.size));
        for (const size of BUTTON_ICON_SIZES) if (!sizes.includes(size)) errors.push(`${pathOf(control)}: no ${size} px icon (buttons need 16, 32 and 80)`);
      }
      for (const image of images) {
        const resource = byKind['bt:Images'].get(image.attrs.resid);
        if (resource) {
          const named = iconSizeFromUrl(resource.attrs.DefaultValue);
          if (!Number.isNaN(named) && named !== pixelsOf(image)) errors.push(`${pathOf(image)}: the ${pixelsOf(image)} px icon points to ${resource.attrs.DefaultValue}`);
          iconChecks.push({ where: `${label} ${image.attrs.resid}`, url: resource.attrs.DefaultValue, size: pixelsOf(image) });
        }
      }
    }
    // SSO metadata, when present: Resource is api://<host of the pane>/<client id>.
    const webApp = kid(vo, 'WebApplicationInfo');
    if (webApp) {
      const id = kid(webApp, 'Id')?.text ?? '';
      const resource = kid(webApp, 'Resource')?.text ?? '';
      const paneUrl = byKind['bt:Urls'].values().next().value?.attrs.DefaultValue;
      const paneHost = paneUrl && isHttpsUrl(paneUrl) ? new URL(paneUrl).host : null;
      if (!GUID.test(id)) errors.push(`<WebApplicationInfo><Id> must be a GUID, got "${id}"`);
      if (paneHost && resource !== `api://${paneHost}/${id}`) errors.push(`<WebApplicationInfo><Resource> must be api://${paneHost}/${id}, got "${resource}"`);
    }
  }

  // Pinning: only in VersionOverridesV1_1 (the 1.0 schema has no such element), only on the read surface, and on.
  for (const pin of [...walk(root)].filter((n) => n.name === 'SupportsPinning')) {
    const vo = enclosingVo(pin);
    if (!vo || voType(vo) !== 'VersionOverridesV1_1') errors.push(`${pathOf(pin)}: <SupportsPinning> is only valid inside VersionOverridesV1_1`);
    const surface = closest(pin, (n) => n.name === 'ExtensionPoint');
    if (surface && surface.attrs['xsi:type'] !== 'MessageReadCommandSurface') errors.push(`${pathOf(pin)}: <SupportsPinning> belongs on the MessageReadCommandSurface only`);
  }
  if (vo11) {
    const readPins = [...walk(vo11)].filter((n) => n.name === 'SupportsPinning' && closest(n, (p) => p.name === 'ExtensionPoint')?.attrs['xsi:type'] === 'MessageReadCommandSurface');
    if (!readPins.some((p) => p.text.trim() === 'true')) errors.push('VersionOverridesV1_1: the read surface button must have <SupportsPinning>true</SupportsPinning>');
  }

  // Display name and description in every extra locale.
  for (const element of [displayName, description].filter(Boolean)) {
    for (const locale of locales) {
      if (!kids(element, 'Override').some((o) => o.attrs.Locale === locale && o.attrs.Value)) errors.push(`<${element.name}> has no <Override Locale="${locale}">`);
    }
  }

  if (options.iconsDir) errors.push(...checkIconFiles(iconChecks, options.iconsDir));
  return { errors, root };
}

/** Each icon URL's file (by name) must exist in iconsDir as a PNG of the declared size. */
function checkIconFiles(iconChecks, iconsDir) {
  const errors = [];
  const seen = new Set();
  for (const { where, url, size } of iconChecks) {
    if (!url || seen.has(`${url}@${size}`)) continue;
    seen.add(`${url}@${size}`);
    const file = join(iconsDir, basename(new URL(url).pathname));
    if (!existsSync(file)) {
      errors.push(`${where}: ${url} has no file ${file}`);
      continue;
    }
    try {
      const { width, height } = readPngHeader(readFileSync(file));
      if (width !== size || height !== size) errors.push(`${where}: ${file} is ${width}×${height}, expected ${size}×${size}`);
    } catch (error) {
      errors.push(`${where}: ${file}: ${error.message}`);
    }
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Unified manifest (JSON)

const schemaRoot = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
const validators = new Map();

/** The bundled schema versions, e.g. ['1.17', …, 'devPreview']. */
export function bundledSchemaVersions() {
  return readdirSync(schemaRoot).map((d) => d.replace(/^v/, '').replace(/^DevPreview$/, 'devPreview'));
}

function schemaValidator(manifestVersion, kind) {
  const folder = manifestVersion === 'devPreview' ? 'vDevPreview' : `v${manifestVersion}`;
  const file = join(schemaRoot, folder, kind === 'localization' ? 'MicrosoftTeams.Localization.schema.json' : 'MicrosoftTeams.schema.json');
  if (!validators.has(file)) {
    if (!existsSync(file)) return null;
    // The same Ajv set-up as @microsoft/app-manifest's own validateAgainstSchema (draft-04; uri, email and regex
    // formats), without Unicode regular expressions, which the localization schemas' patterns do not compile under.
    const Ajv = require('ajv-draft-04');
    const addFormats = require('ajv-formats');
    const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
    addFormats(ajv, ['uri', 'email', 'regex']);
    validators.set(file, ajv.compile(JSON.parse(readFileSync(file, 'utf8'))));
  }
  return validators.get(file);
}

const schemaErrors = (validate, data, label) =>
  validate(data) ? [] : validate.errors.map((e) => `${label}${e.instancePath || '/'} ${e.message}${e.params && Object.keys(e.params).length ? ' ' + JSON.stringify(e.params) : ''}`);

/** Validates manifest.json and its localization files ({ 'pt-BR.json': object }) against the bundled schemas only. */
export function validateUnifiedSchema(manifest, localizationFiles = {}) {
  const errors = [];
  const version = manifest?.manifestVersion;
  const validate = typeof version === 'string' ? schemaValidator(version, 'manifest') : null;
  if (!validate) return [`manifest.json: manifestVersion "${version}" has no bundled schema (bundled: ${bundledSchemaVersions().join(', ')})`];
  errors.push(...schemaErrors(validate, manifest, 'manifest.json'));
  const validateLocalization = schemaValidator(version, 'localization');
  for (const language of manifest.localizationInfo?.additionalLanguages ?? []) {
    const file = localizationFiles[language.file];
    if (!file) errors.push(`manifest.json: localization file ${language.file} (${language.languageTag}) is missing`);
    else if (validateLocalization) errors.push(...schemaErrors(validateLocalization, file, language.file));
  }
  return errors;
}

function* strings(value, path = '') {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, `${path}[${i}]`);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, path ? `${path}.${k}` : k);
}

/** Schema plus OutlookCrm's rules for the unified manifest. options.locales: language tags that need a localization file. */
export function validateUnifiedManifest(manifest, localizationFiles = {}, options = {}) {
  const locales = options.locales ?? ['pt-BR'];
  const errors = validateUnifiedSchema(manifest, localizationFiles);
  if (!manifest || typeof manifest !== 'object') return errors;

  for (const [path, value] of strings(manifest)) {
    if (path === '$schema') continue;
    if (/^http:\/\//i.test(value)) errors.push(`manifest.json ${path}: "${value}" is not an https:// URL`);
    if (value.includes('<TRUNCATED>')) errors.push(`manifest.json ${path}: contains a <TRUNCATED> marker`);
  }
  const extension = manifest.extensions?.[0];
  if (!extension) return [...errors, 'manifest.json: extensions[0] (the Outlook add-in) is missing'];
  const mailbox = extension.requirements?.capabilities?.find((c) => c.name === 'Mailbox');
  if (!mailbox || !versionAtLeast(mailbox.minVersion ?? '1.1', MIN_PINNABLE_MAILBOX)) errors.push(`manifest.json: extensions[0].requirements must require Mailbox ${MIN_PINNABLE_MAILBOX} or later`);
  if (!extension.requirements?.scopes?.includes('mail')) errors.push('manifest.json: extensions[0].requirements.scopes must include "mail"');

  const actions = new Map((extension.runtimes ?? []).flatMap((runtime) => (runtime.actions ?? []).map((action) => [action.id, { action, runtime }])));
  const contexts = new Set((extension.ribbons ?? []).flatMap((ribbon) => ribbon.contexts ?? []));
  for (const context of ['mailRead', 'mailCompose']) if (!contexts.has(context)) errors.push(`manifest.json: no ribbon for the ${context} context`);
  (extension.ribbons ?? []).forEach((ribbon, r) =>
    (ribbon.tabs ?? []).forEach((tab, t) =>
      (tab.groups ?? []).forEach((group, g) =>
        (group.controls ?? []).forEach((control, c) => {
          const where = `manifest.json extensions[0].ribbons[${r}].tabs[${t}].groups[${g}].controls[${c}]`;
          const sizes = (control.icons ?? []).map((i) => i.size);
          for (const size of BUTTON_ICON_SIZES) if (!sizes.includes(size)) errors.push(`${where}: no ${size} px icon`);
          const target = actions.get(control.actionId);
          if (!target) errors.push(`${where}: actionId "${control.actionId}" is not an action of any runtime`);
          else if (target.action.type === 'openPage' && ribbon.contexts?.includes('mailRead') && target.action.pinnable !== true) errors.push(`${where}: the read-mode task pane action must be pinnable`);
        }),
      ),
    ),
  );
  for (const { runtime } of actions.values()) if (!isHttpsUrl(runtime.code?.page)) errors.push(`manifest.json: runtime ${runtime.id} code.page must be an https:// URL`);
  // Save on send: each event runs a function action of a runtime with a script (classic Outlook on Windows), on Mailbox 1.12 or later.
  for (const [i, autoRun] of (extension.autoRunEvents ?? []).entries()) {
    for (const [j, event] of (autoRun.events ?? []).entries()) {
      const where = `manifest.json extensions[0].autoRunEvents[${i}].events[${j}]`;
      const target = actions.get(event.actionId);
      if (!target || target.action.type !== 'executeFunction') errors.push(`${where}: actionId "${event.actionId}" is not an executeFunction action of any runtime`);
      else if (!isHttpsUrl(target.runtime.code?.script)) errors.push(`${where}: runtime ${target.runtime.id} needs code.script (an https:// JavaScript file) for classic Outlook on Windows`);
      if (event.type === 'messageSending') {
        const needs = [autoRun.requirements, target?.runtime.requirements].map((r) => r?.capabilities?.find((c) => c.name === 'Mailbox')?.minVersion);
        if (needs.some((v) => !v || !versionAtLeast(v, '1.12'))) errors.push(`${where}: messageSending needs Mailbox 1.12 on the event and its runtime`);
      }
    }
  }

  if (manifest.webApplicationInfo?.resource) {
    const page = extension.runtimes?.[0]?.code?.page;
    const host = isHttpsUrl(page) ? new URL(page).host : null;
    const expected = `api://${host}/${manifest.webApplicationInfo.id}`;
    if (host && manifest.webApplicationInfo.resource !== expected) errors.push(`manifest.json: webApplicationInfo.resource must be ${expected}`);
  }

  // Localization: a file per extra locale that translates every user-visible string.
  const languages = manifest.localizationInfo?.additionalLanguages ?? [];
  for (const locale of locales) {
    const language = languages.find((l) => l.languageTag.toLowerCase() === locale.toLowerCase());
    if (!language) {
      errors.push(`manifest.json: localizationInfo.additionalLanguages has no ${locale}`);
      continue;
    }
    const file = localizationFiles[language.file];
    if (!file) continue; // reported by the schema step
    const required = ['name.short', 'description.short', 'description.full'];
    (extension.ribbons ?? []).forEach((ribbon, r) =>
      (ribbon.tabs ?? []).forEach((tab, t) =>
        (tab.groups ?? []).forEach((group, g) => {
          const base = `extensions[0].ribbons[${r}].tabs[${t}].groups[${g}]`;
          if (group.label) required.push(`${base}.label`);
          (group.controls ?? []).forEach((control, c) => {
            required.push(`${base}.controls[${c}].label`);
            if (control.supertip) required.push(`${base}.controls[${c}].supertip.title`, `${base}.controls[${c}].supertip.description`);
          });
        }),
      ),
    );
    for (const key of required) if (!file[key]) errors.push(`${language.file}: no translation for "${key}"`);
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// App package

/** The unified app package: manifest, every localization file, color.png 192×192, outline.png 32×32 (white on transparent). */
export function validatePackage(zipBytes, options = {}) {
  let files;
  try {
    files = readZip(zipBytes);
  } catch (error) {
    return [`package: ${error.message}`];
  }
  const errors = [];
  const manifestBytes = files['manifest.json'];
  if (!manifestBytes) return ['package: manifest.json is missing'];
  let manifest;
  try {
    manifest = JSON.parse(manifestBytes.toString('utf8'));
  } catch (error) {
    return [`package: manifest.json is not JSON (${error.message})`];
  }
  const localizationFiles = {};
  for (const language of manifest.localizationInfo?.additionalLanguages ?? []) {
    if (files[language.file]) localizationFiles[language.file] = JSON.parse(files[language.file].toString('utf8'));
  }
  errors.push(...validateUnifiedManifest(manifest, localizationFiles, options).map((e) => `package: ${e}`));
  for (const [role, expected] of [['color', 192], ['outline', 32]]) {
    const name = manifest.icons?.[role];
    const bytes = name && files[name];
    if (!bytes) {
      errors.push(`package: the ${role} icon ${name} is missing`);
      continue;
    }
    try {
      const { width, height, rgba } = decodePng(bytes);
      if (width !== expected || height !== expected) errors.push(`package: ${name} is ${width}×${height}, expected ${expected}×${expected}`);
      if (role === 'outline') {
        let opaqueNonWhite = 0, transparent = 0;
        for (let i = 0; i < rgba.length; i += 4) {
          if (rgba[i + 3] === 0) transparent++;
          else if (rgba[i] !== 255 || rgba[i + 1] !== 255 || rgba[i + 2] !== 255) opaqueNonWhite++;
        }
        if (transparent === 0) errors.push(`package: ${name} must have a transparent background`);
        if (opaqueNonWhite > 0) errors.push(`package: ${name} must be white only (${opaqueNonWhite} coloured pixels)`);
      }
    } catch (error) {
      errors.push(`package: ${name}: ${error.message}`);
    }
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// XML → unified conversion (office-addin-manifest-converter, offline)

/** Converts manifest.xml with Microsoft's converter into a temporary folder; returns { manifest, localizationFiles }. */
export async function convertXmlToUnified(xmlPath) {
  const { convert } = require('office-addin-manifest-converter');
  const out = mkdtempSync(join(tmpdir(), 'outlookcrm-convert-'));
  try {
    const log = console.log;
    console.log = () => {}; // the converter narrates every step
    try {
      await convert(resolve(xmlPath), out, false);
    } finally {
      console.log = log;
    }
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const localizationFiles = {};
    for (const language of manifest.localizationInfo?.additionalLanguages ?? []) {
      const path = join(out, language.file);
      if (existsSync(path)) localizationFiles[language.file] = JSON.parse(readFileSync(path, 'utf8'));
    }
    return { manifest, localizationFiles };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// A folder written by build.mjs

export async function validateDirectory(dir, options = {}) {
  const results = [];
  const run = async (name, check) => {
    try {
      results.push({ name, errors: await check() });
    } catch (error) {
      results.push({ name, errors: [error.message] });
    }
  };
  const read = (file) => readFileSync(join(dir, file));
  await run('manifest.xml (add-in only manifest rules)', () => validateXmlManifest(read('manifest.xml').toString('utf8'), options).errors);
  await run('manifest.json + localization (bundled schema and rules)', () => {
    const manifest = JSON.parse(read('manifest.json').toString('utf8'));
    const localizationFiles = {};
    for (const language of manifest.localizationInfo?.additionalLanguages ?? []) {
      if (existsSync(join(dir, language.file))) localizationFiles[language.file] = JSON.parse(read(language.file).toString('utf8'));
    }
    return validateUnifiedManifest(manifest, localizationFiles, options);
  });
  await run('outlookcrm.zip (app package)', () => validatePackage(read('outlookcrm.zip'), options));
  if (options.convert !== false) {
    await run('manifest.xml converted to JSON (office-addin-manifest-converter) against the bundled schema', async () => {
      const { manifest, localizationFiles } = await convertXmlToUnified(join(dir, 'manifest.xml'));
      return validateUnifiedSchema(manifest, localizationFiles);
    });
  }
  return results;
}

async function main(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { icons: { type: 'string' }, locale: { type: 'string', multiple: true }, 'no-convert': { type: 'boolean' } },
  });
  const dir = resolve(positionals[0] ?? join(here, 'dist'));
  const iconsDir = resolve(values.icons ?? join(here, '..', 'addin', 'public', 'icons'));
  const results = await validateDirectory(dir, { iconsDir, locales: values.locale ?? ['pt-BR'], convert: !values['no-convert'] });
  let failed = 0;
  for (const { name, errors } of results) {
    if (errors.length === 0) console.log(`ok    ${name}`);
    else {
      failed++;
      console.log(`FAIL  ${name}`);
      for (const error of errors) console.log(`      - ${error}`);
    }
  }
  console.log(`${results.length - failed} checks ok, ${failed} failing`);
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  await main(process.argv.slice(2));
}
