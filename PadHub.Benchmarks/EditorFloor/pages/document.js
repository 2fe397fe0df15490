// The document every floor page starts with: forty lines, as a pad with a few typists' lines, and the typing line last.
export const floorDocument = Array.from({ length: 40 }, (_, i) => `typist line ${i}: lorem ipsum dolor sit amet, consectetur`).join('\n') + '\nA> ';
