// The editor's texts: the page's language over the English defaults, and {n} placeholders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { englishStrings, format, withDefaults } from '../src/strings.js';
import { statusText, statusTitle } from '../src/status.js';

test('withDefaults_frenchStrings_replaceKnownKeysOnlyAndKeepEnglishForTheRest', () => {
  const strings = withDefaults({ offline: 'Hors ligne', unknown: 'x', saved: '' });
  assert.equal(strings.offline, 'Hors ligne');
  assert.equal(strings.saved, englishStrings.saved);
  assert.equal('unknown' in strings, false);
});

test('statusText_frenchStrings_countsWaitingEditsInFrench', () => {
  const strings = withDefaults({
    offline: 'Hors ligne',
    offlineWaitingOne: 'Hors ligne · {0} modification en attente',
    offlineWaitingMany: 'Hors ligne · {0} modifications en attente',
    offlineTitle: 'Pas de connexion.',
  });
  assert.equal(statusText('offline', 3, null, strings), 'Hors ligne · 3 modifications en attente');
  assert.equal(statusText('offline', 1, null, strings), 'Hors ligne · 1 modification en attente');
  assert.equal(statusTitle('offline', strings), 'Pas de connexion.');
});

test('format_placeholders_replacedInOrderAndMissingOnesKept', () => {
  assert.equal(format('{1} / {0} / {2}', 'a', 'b'), 'b / a / {2}');
});
