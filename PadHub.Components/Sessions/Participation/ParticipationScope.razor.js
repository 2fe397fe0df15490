// ParticipationScope's collocated module: the help-call sound, a short two-tone beep generated with WebAudio (no audio
// file), and whether the moderator wants it (localStorage, on unless switched off).
const soundKey = 'padhub.helpCallSound';
let context = null;

export function soundOn() {
  return localStorage.getItem(soundKey) !== 'off';
}

export function setSound(on) {
  localStorage.setItem(soundKey, on ? 'on' : 'off');
  if (on) {
    // Switching it on is a click: the browser lets an audio context start now, so later beeps can play.
    audio();
  }
}

function audio() {
  const Context = globalThis.AudioContext ?? globalThis.webkitAudioContext;
  if (!Context) {
    return null;
  }

  context ??= new Context();
  if (context.state === 'suspended') {
    context.resume().catch(() => {});
  }

  return context;
}

export function beep() {
  const ctx = audio();
  if (!ctx) {
    return;
  }

  const start = ctx.currentTime;
  [880, 660].forEach((frequency, i) => {
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    const at = start + i * 0.18;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.2, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.16);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.17);
  });
}
