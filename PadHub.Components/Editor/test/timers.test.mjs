// Timers: the editor's named timeouts (watchdogs, retry, caret throttle) and their teardown, on a fake clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Timers } from '../src/timers.js';
import { FakeClock } from '../testing/fakes.mjs';

function setup() {
  const clock = new FakeClock();
  return { clock, timers: new Timers(clock), runs: [] };
}

test('later_dueTimePassed_runsOnceAndNotBefore', () => {
  const { clock, timers, runs } = setup();
  timers.later(() => runs.push(clock.now), 100);
  clock.advance(99);
  assert.deepEqual(runs, []);
  clock.advance(1);
  clock.advance(500);
  assert.deepEqual(runs, [100]);
});

test('once_calledAgainWhileWaiting_keepsTheFirstDeadline', () => {
  const { clock, timers, runs } = setup();
  timers.once('caret', () => runs.push(['first', clock.now]), 120);
  clock.advance(50);
  timers.once('caret', () => runs.push(['second', clock.now]), 120);
  clock.advance(1000);
  assert.deepEqual(runs, [['first', 120]]);
  assert.equal(timers.isWaiting('caret'), false);
});

test('restart_calledWhileWaiting_replacesTheTimer', () => {
  const { clock, timers, runs } = setup();
  timers.restart('ack', () => runs.push(['first', clock.now]), 100);
  clock.advance(60);
  timers.restart('ack', () => runs.push(['second', clock.now]), 100);
  clock.advance(1000);
  assert.deepEqual(runs, [['second', 160]]);
});

test('clear_namedTimerWaiting_neverRuns', () => {
  const { clock, timers, runs } = setup();
  timers.once('gap', () => runs.push('gap'), 10);
  timers.once('retry', () => runs.push('retry'), 10);
  assert.ok(timers.isWaiting('gap'));
  timers.clear('gap');
  timers.clear('missing'); // clearing a name with no timer is a no-op
  clock.advance(100);
  assert.deepEqual(runs, ['retry']);
  assert.equal(timers.isWaiting('gap'), false);
});

test('once_callbackStartsItsOwnNameAgain_secondTimerRuns', () => {
  const { clock, timers, runs } = setup();
  const tick = () => {
    runs.push(clock.now);
    if (runs.length < 3) timers.once('retry', tick, 10);
  };
  timers.once('retry', tick, 10);
  clock.advance(100);
  assert.deepEqual(runs, [10, 20, 30]);
});

test('dispose_timersWaitingOrStartedLater_noneRuns', () => {
  const { clock, timers, runs } = setup();
  timers.later(() => runs.push('later'), 10);
  timers.once('gap', () => runs.push('gap'), 10);
  timers.dispose();
  assert.equal(clock.pending, 0);
  timers.later(() => runs.push('after dispose'), 10);
  clock.advance(100);
  assert.deepEqual(runs, []);
});
