// The sync indicator: state, text and title, what render writes to the element, and notices that expire.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SAVING_SHOWN_AFTER, SyncStatus, statusText, statusTitle, syncState } from '../src/status.js';
import { Timers } from '../src/timers.js';
import { FakeClock } from '../testing/fakes.mjs';

test('syncState_eachCombination_offlineWinsThenSaving', () => {
  assert.equal(syncState({ online: false, synchronized: true, recovering: false }), 'offline');
  assert.equal(syncState({ online: true, synchronized: false, recovering: false }), 'saving');
  assert.equal(syncState({ online: true, synchronized: true, recovering: true }), 'saving');
  assert.equal(syncState({ online: true, synchronized: true, recovering: false }), 'saved');
});

test('statusText_offlineWithWaitingEdits_countsThemAndAppendsTheNotice', () => {
  assert.equal(statusText('offline', 0, null), 'Offline');
  assert.equal(statusText('offline', 1, null), 'Offline · 1 edit waiting');
  assert.equal(statusText('offline', 3, 'Too large'), 'Offline · 3 edits waiting · Too large');
  assert.equal(statusText('saving', 2, null), 'Saving…');
  assert.equal(statusText('saved', 0, null), 'Saved');
  assert.notEqual(statusTitle('offline'), statusTitle('saved'));
});

function fakeElement() {
  const line = { dataset: {}, textContent: '', title: '' };
  const region = { textContent: '' };
  const parts = { '.padhub-sync': line, '.padhub-sync-announce': region };
  return { line, region, element: { dataset: {}, querySelector: (s) => parts[s] ?? null } };
}

test('announce_savingWhileOnline_staysSilent_offlineAndBackAreSpoken', () => {
  const { element, region } = fakeElement();
  const status = new SyncStatus(element, new Timers(new FakeClock()), () => {});
  status.render('saving', 1, 1);
  status.render('saved', 2, 0);
  assert.equal(region.textContent, '');
  status.render('offline', 2, 3);
  assert.equal(region.textContent, 'Offline · 3 edits waiting');
  status.render('saving', 2, 3);
  assert.equal(region.textContent, 'Saving…');
  status.render('saved', 5, 0);
  assert.equal(region.textContent, 'Saved');
  status.render('saving', 5, 1);
  assert.equal(region.textContent, 'Saved');
});

test('render_state_writesDatasetTextAndTitle', () => {
  const { element, line } = fakeElement();
  const status = new SyncStatus(element, new Timers(new FakeClock()), () => {});
  status.render('offline', 7, 2);
  assert.deepEqual({ ...element.dataset }, { revision: '7', syncState: 'offline', waiting: '2' });
  assert.equal(line.textContent, 'Offline · 2 edits waiting');
  assert.equal(line.dataset.state, 'offline');
  assert.equal(line.title, statusTitle('offline'));
});

test('render_noStatusLine_stillWritesTheDataset', () => {
  const element = { dataset: {}, querySelector: () => null };
  new SyncStatus(element, new Timers(new FakeClock()), () => {}).render('saved', 3, 0);
  assert.deepEqual({ ...element.dataset }, { revision: '3', syncState: 'saved', waiting: '0' });
});

test('showNotice_afterEightSeconds_clearedUnlessANewerOneReplacedIt', () => {
  const clock = new FakeClock();
  const { element, line } = fakeElement();
  let status;
  const refresh = () => status.render('saved', 1, 0);
  status = new SyncStatus(element, new Timers(clock), refresh);
  status.showNotice('first');
  assert.equal(line.textContent, 'Saved · first');
  clock.advance(5000);
  status.showNotice('second');
  clock.advance(3000); // the first notice's timer fires: the second stays
  assert.equal(line.textContent, 'Saved · second');
  clock.advance(5000);
  assert.equal(line.textContent, 'Saved');
  assert.equal(status.notice, null);
});

test('render_savingRightAfterSaved_statusLineWaitsASecondButTheDatasetSaysSavingAtOnce', () => {
  const clock = new FakeClock();
  const { element, line } = fakeElement();
  let state = 'saved';
  let status;
  status = new SyncStatus(element, new Timers(clock), () => status.render(state, 1, 1));
  status.render('saved', 1, 0);

  // A keystroke acknowledged quickly: the line never leaves "Saved".
  state = 'saving';
  status.render('saving', 1, 1);
  assert.equal(element.dataset.syncState, 'saving');
  assert.equal(line.textContent, 'Saved');
  clock.advance(SAVING_SHOWN_AFTER - 1);
  state = 'saved';
  status.render('saved', 2, 0);
  clock.advance(SAVING_SHOWN_AFTER);
  assert.equal(line.textContent, 'Saved');

  // An acknowledgement that takes longer: "Saving…" once it has waited SAVING_SHOWN_AFTER.
  state = 'saving';
  status.render('saving', 2, 1);
  clock.advance(SAVING_SHOWN_AFTER - 1);
  assert.equal(line.textContent, 'Saved');
  clock.advance(1);
  assert.equal(line.textContent, 'Saving…');
  assert.equal(line.dataset.state, 'saving');
});

test('render_offline_showsAtOnce', () => {
  const { element, line } = fakeElement();
  const status = new SyncStatus(element, new Timers(new FakeClock()), () => {});
  status.render('saved', 1, 0);
  status.render('offline', 1, 1);
  assert.equal(line.textContent, 'Offline · 1 edit waiting');
});
