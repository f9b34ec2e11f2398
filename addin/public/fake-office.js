/*
 * A fake of the Office.js subset OutlookCrm uses, for the preview page and browser tests.
 * It reads the current message from the preview page that hosts the pane (same origin):
 *   window.parent.outlookPreview = {
 *     getItem() -> message description or null,
 *     subscribe(fn) -> unsubscribe; fn() is called when the selection changes,
 *     userProfile: { emailAddress, displayName, tenantId? } (read at each call: the preview switches accounts),
 *     displayLanguage: 'en-US' | 'pt-BR' | ...,
 *     theme: 'light' | 'dark',
 *     subscribeTheme(fn) (optional),
 *     onDisplayMessageForm(itemId) (optional),
 *     readsHeld: a promise compose reads wait for before answering, or null (optional),
 *     mailboxVersion: the highest Mailbox requirement set to report as supported (optional, default 1.15),
 *     getSelectedIds(), subscribeSelection(fn), getMessage(id) (optional): several messages selected at once
 *   }
 * A message description: { id, mode: 'read'|'compose', subject, from, to, cc, receivedAt, body,
 *   internetMessageId?, conversationId?, getAsyncDelayMs?, failGetAsync?, sharedOwner? } with participants as { displayName, emailAddress }.
 * A message with sharedOwner is in that person's shared or delegated mailbox: as in Outlook, only such an item
 * has getSharedPropertiesAsync (Mailbox 1.8), and only when the reported Mailbox version reaches 1.8.
 * item.body.getAsync(coercionType, callback) answers the message's plain-text body.
 * A draft (Mailbox 1.8 or later) has item.internetHeaders, kept on the message description as message.headers,
 * so the preview's Send carries the save-on-send key the pane stamped; Office.context.roamingSettings is kept
 * on the host (host.roamingSettings) for the page's lifetime.
 * Office.actions.associate(name, fn) keeps fn in window.fakeOffice.actions[name] (the preview runs OnMessageSend with it).
 * Office.auth.getAuthContext() (NestedAppAuth 1.1) names the account of the mailbox shown: userProfile's address
 * and tenant. With several accounts, the preview changes userProfile and then fires ItemChanged, as selecting
 * a message in another account's mailbox does.
 * Item multi-select: getSelectedItemsAsync (Mailbox 1.13) lists the host's selected messages, SelectedItemsChanged
 * fires when they change, and loadItemByIdAsync (1.15) loads one of them (its unloadAsync must be called before
 * the next load, as in Outlook). Office's item stays the first selected message.
 * Without a preview parent it shows one built-in message. Calls the pane makes are recorded in
 * window.fakeOffice.calls for tests, and so is each compose read as it answers ('<message id>.<field>'
 * in calls.readsAnswered), so a test can prove what the pane showed came after the read.
 */
(function () {
  'use strict';

  var host = (function () {
    try {
      if (window.parent && window.parent !== window && window.parent.outlookPreview) return window.parent.outlookPreview;
    } catch (e) {
      /* a cross-origin parent: fall back to the built-in message */
    }
    return null;
  })();

  var standaloneItem = {
    id: 'standalone-1',
    mode: 'read',
    subject: 'Question about my next appointment',
    receivedAt: '2025-01-15T09:30:00Z',
    from: { displayName: 'Sam Rivera', emailAddress: 'sam.rivera@example.com' },
    to: [{ displayName: 'Preview User', emailAddress: 'preview.user@example.com' }],
    cc: [],
  };

  var calls = { displayMessageForm: [], addHandlerAsync: [], displayDialogAsync: [], bodyGetAsync: [], readsAnswered: [], loadItemByIdAsync: [] };
  // Functions registered with Office.actions.associate (the send event's handler), by name, for the preview to run.
  var actions = {};
  window.fakeOffice = { calls: calls, actions: actions };

  var AsyncResultStatus = { Succeeded: 'succeeded', Failed: 'failed' };
  var EventType = {
    ItemChanged: 'olkItemSelectedChanged',
    SelectedItemsChanged: 'olkSelectedItemsChanged',
    OfficeThemeChanged: 'officeThemeChanged',
    DialogMessageReceived: 'dialogMessageReceived',
    DialogEventReceived: 'dialogEventReceived',
  };

  function succeeded(value) {
    return { status: AsyncResultStatus.Succeeded, value: value, error: null, asyncContext: undefined };
  }
  function failed(message) {
    return {
      status: AsyncResultStatus.Failed,
      value: undefined,
      error: { name: 'GenericResponseError', message: message, code: 9020 },
      asyncContext: undefined,
    };
  }

  function copyPerson(p) {
    return p ? { displayName: p.displayName || '', emailAddress: p.emailAddress || '', recipientType: 'other' } : null;
  }
  function copyPeople(list) {
    return (list || []).map(copyPerson);
  }

  function asyncGetter(message, field, read) {
    return {
      getAsync: function (optionsOrCallback, maybeCallback) {
        var callback = typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback;
        var delay = message.getAsyncDelayMs != null ? message.getAsyncDelayMs : (host && host.getAsyncDelayMs) || 0;
        var answer = function () {
          calls.readsAnswered.push(message.id + '.' + field);
          callback(message.failGetAsync ? failed('The item could not be read.') : succeeded(read()));
        };
        setTimeout(function () {
          if (host && host.readsHeld) host.readsHeld.then(answer);
          else answer();
        }, delay);
      },
    };
  }

  function toOfficeItem(message) {
    if (!message) return null;
    var common = {
      itemType: 'message',
      itemId: message.mode === 'compose' ? null : message.id,
      internetMessageId: message.mode === 'compose' ? null : message.internetMessageId || '<' + message.id + '@example.com>',
      conversationId: message.conversationId || null,
      dateTimeCreated: new Date(message.receivedAt || Date.now()),
      body: {
        getAsync: function (coercionType, optionsOrCallback, maybeCallback) {
          var callback = typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback;
          calls.bodyGetAsync.push(coercionType);
          setTimeout(function () { callback(succeeded(message.body || '')); }, 0);
        },
      },
    };
    if (message.sharedOwner && mailboxVersion() >= 8) {
      common.getSharedPropertiesAsync = function (optionsOrCallback, maybeCallback) {
        var callback = typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback;
        var owner = message.sharedOwner.emailAddress;
        setTimeout(function () {
          callback(succeeded({ owner: owner, targetMailbox: owner, targetRestUrl: 'https://outlook.office.com/api', permissions: 3 }));
        }, 0);
      };
    }
    if (message.mode === 'compose' && mailboxVersion() >= 8) {
      message.headers = message.headers || {};
      common.internetHeaders = {
        getAsync: function (names, optionsOrCallback, maybeCallback) {
          var callback = typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback;
          var value = {};
          names.forEach(function (name) {
            if (Object.prototype.hasOwnProperty.call(message.headers, name)) value[name] = message.headers[name];
          });
          setTimeout(function () { callback(succeeded(value)); }, 0);
        },
        setAsync: function (headers, optionsOrCallback, maybeCallback) {
          var callback = typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback;
          Object.keys(headers).forEach(function (name) { message.headers[name] = String(headers[name]); });
          setTimeout(function () { if (callback) callback(succeeded(undefined)); }, 0);
        },
      };
    }
    if (message.mode === 'compose') {
      return Object.assign(common, {
        subject: asyncGetter(message, 'subject', function () { return message.subject || ''; }),
        from: asyncGetter(message, 'from', function () { return copyPerson(message.from); }),
        to: asyncGetter(message, 'to', function () { return copyPeople(message.to); }),
        cc: asyncGetter(message, 'cc', function () { return copyPeople(message.cc); }),
      });
    }
    return Object.assign(common, {
      subject: message.subject || '',
      from: copyPerson(message.from),
      sender: copyPerson(message.from),
      to: copyPeople(message.to),
      cc: copyPeople(message.cc),
    });
  }

  // Requirement set versions compare by minor number: 1.14 is after 1.8.
  function minorOf(version) {
    return parseInt(String(version).split('.')[1] || '0', 10);
  }
  function mailboxVersion() {
    return minorOf((host && host.mailboxVersion) || '1.15');
  }
  function currentMessage() {
    return host ? host.getItem() : standaloneItem;
  }

  function themeFor(name) {
    var dark = name === 'dark';
    return {
      bodyBackgroundColor: dark ? '#292929' : '#ffffff',
      bodyForegroundColor: dark ? '#ffffff' : '#242424',
      controlBackgroundColor: dark ? '#1f1f1f' : '#ffffff',
      controlForegroundColor: dark ? '#ffffff' : '#242424',
      isDarkTheme: dark,
    };
  }

  var handlers = {};
  function fire(eventType, args) {
    (handlers[eventType] || []).slice().forEach(function (handler) {
      try {
        handler(args || { type: eventType });
      } catch (e) {
        setTimeout(function () { throw e; });
      }
    });
  }

  function profile() {
    return (host && host.userProfile) || {};
  }

  var mailbox = {
    item: toOfficeItem(currentMessage()),
    userProfile: {
      get emailAddress() { return profile().emailAddress || 'preview.user@example.com'; },
      get displayName() { return profile().displayName || 'Preview User'; },
      timeZone: 'UTC',
      accountType: 'enterprise',
    },
    diagnostics: { hostName: 'OutlookWebApp', hostVersion: 'fake' },
    addHandlerAsync: function (eventType, handler, optionsOrCallback, maybeCallback) {
      var callback = typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback;
      calls.addHandlerAsync.push(eventType);
      (handlers[eventType] = handlers[eventType] || []).push(handler);
      if (callback) setTimeout(function () { callback(succeeded(undefined)); }, 0);
    },
    removeHandlerAsync: function (eventType, optionsOrCallback, maybeCallback) {
      var callback = typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback;
      handlers[eventType] = [];
      if (callback) setTimeout(function () { callback(succeeded(undefined)); }, 0);
    },
    displayMessageForm: function (itemId) {
      calls.displayMessageForm.push(itemId);
      if (host && typeof host.onDisplayMessageForm === 'function') host.onDisplayMessageForm(itemId);
    },
  };

  var roaming = (host && (host.roamingSettings = host.roamingSettings || {})) || {};

  function selectedMessages() {
    if (!host || typeof host.getSelectedIds !== 'function') return currentMessage() ? [currentMessage()] : [];
    return host.getSelectedIds().map(host.getMessage).filter(Boolean);
  }
  function asyncCallback(optionsOrCallback, maybeCallback) {
    return typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback;
  }

  if (mailboxVersion() >= 13) {
    mailbox.getSelectedItemsAsync = function (optionsOrCallback, maybeCallback) {
      var callback = asyncCallback(optionsOrCallback, maybeCallback);
      var value = selectedMessages().map(function (message) {
        return {
          itemId: message.id,
          itemMode: message.mode === 'compose' ? 'Compose' : 'Read',
          itemType: 'Message',
          subject: message.subject || '',
          conversationId: 'conversation-' + message.id,
          hasAttachment: false,
        };
      });
      setTimeout(function () { callback(succeeded(value)); }, 0);
    };
  }
  if (mailboxVersion() >= 15) {
    var loaded = null;
    mailbox.loadItemByIdAsync = function (itemId, optionsOrCallback, maybeCallback) {
      var callback = asyncCallback(optionsOrCallback, maybeCallback);
      calls.loadItemByIdAsync.push(itemId);
      var message = host && typeof host.getMessage === 'function' ? host.getMessage(itemId) : null;
      setTimeout(function () {
        if (loaded) return callback(failed('Another item is still loaded: call unloadAsync first.'));
        if (!message || message.mode === 'compose') return callback(failed('The item could not be loaded.'));
        loaded = toOfficeItem(message);
        loaded.unloadAsync = function (optionsOrCb, maybeCb) {
          var done = asyncCallback(optionsOrCb, maybeCb);
          loaded = null;
          if (done) setTimeout(function () { done(succeeded(undefined)); }, 0);
        };
        callback(succeeded(loaded));
      }, 0);
    };
  }

  var context = {
    mailbox: mailbox,
    roamingSettings: {
      get: function (name) { return roaming[name]; },
      set: function (name, value) { roaming[name] = value; },
      remove: function (name) { delete roaming[name]; },
      saveAsync: function (callback) { setTimeout(function () { if (callback) callback(succeeded(undefined)); }, 0); },
    },
    displayLanguage: (host && host.displayLanguage) || new URLSearchParams(location.search).get('lang') || 'en-US',
    contentLanguage: 'en-US',
    officeTheme: themeFor((host && host.theme) || 'light'),
    requirements: {
      isSetSupported: function (name, version) {
        if (name !== 'Mailbox') return false;
        return !version || minorOf(version) <= mailboxVersion();
      },
    },
    ui: {
      displayDialogAsync: function (url, options, callback) {
        calls.displayDialogAsync.push(url);
        var cb = typeof options === 'function' ? options : callback;
        setTimeout(function () { cb(failed('Dialogs are not available in the preview.')); }, 0);
      },
    },
  };

  if (host) {
    host.subscribe(function () {
      mailbox.item = toOfficeItem(host.getItem());
      fire(EventType.ItemChanged, { type: EventType.ItemChanged });
    });
    if (typeof host.subscribeSelection === 'function') {
      host.subscribeSelection(function () {
        fire(EventType.SelectedItemsChanged, { type: EventType.SelectedItemsChanged });
      });
    }
    if (typeof host.subscribeTheme === 'function') {
      host.subscribeTheme(function (name) {
        context.officeTheme = themeFor(name);
        fire(EventType.OfficeThemeChanged, { type: EventType.OfficeThemeChanged, officeTheme: context.officeTheme });
      });
    }
  }

  var readyInfo = { host: 'Outlook', platform: 'OfficeOnline' };
  var readyCallbacks = [];
  var isReady = false;

  window.Office = {
    context: context,
    auth: {
      getAuthContext: function () {
        calls.getAuthContext = (calls.getAuthContext || 0) + 1;
        return Promise.resolve({
          userPrincipalName: mailbox.userProfile.emailAddress,
          loginHint: mailbox.userProfile.emailAddress,
          tenantId: profile().tenantId || '',
          userObjectId: '',
          authorityType: 'aad',
          authorityBaseUrl: 'https://login.microsoftonline.com',
        });
      },
    },
    EventType: EventType,
    AsyncResultStatus: AsyncResultStatus,
    CoercionType: { Text: 'text', Html: 'html' },
    HostType: { Outlook: 'Outlook' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    MailboxEnums: {
      ItemType: { Message: 'message', Appointment: 'appointment' },
      RecipientType: { Other: 'other', User: 'user', DistributionList: 'distributionList', ExternalUser: 'externalUser' },
    },
    actions: {
      associate: function (name, handler) { actions[name] = handler; },
    },
    onReady: function (callback) {
      return new Promise(function (resolve) {
        var run = function () {
          if (callback) callback(readyInfo);
          resolve(readyInfo);
        };
        if (isReady) setTimeout(run, 0);
        else readyCallbacks.push(run);
      });
    },
    initialize: function () {},
  };

  setTimeout(function () {
    isReady = true;
    readyCallbacks.splice(0).forEach(function (run) { run(); });
  }, 0);
})();
