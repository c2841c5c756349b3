/**
 * One pass over the text that reports which of many keywords occur in it (ASCII,
 * case-insensitive). It is an Aho-Corasick automaton compiled into a dense transition
 * table, so the cost per character is one table lookup whatever the number of
 * keywords: the detector can afford hundreds of rules and still leave most text
 * untouched by any regex.
 */
const ALPHABET = 128;

export class KeywordScanner {
  /** Dense DFA: next state = table[state * ALPHABET + charCode]. */
  private readonly table: Int32Array;
  /** For each state, the keyword ids that end there (own and inherited via failure links). */
  private readonly outputs: (number[] | undefined)[];
  readonly keywordCount: number;

  constructor(keywords: readonly string[]) {
    this.keywordCount = keywords.length;
    const goto: Map<number, number>[] = [new Map()];
    const out: number[][] = [[]];
    keywords.forEach((raw, id) => {
      const keyword = raw.toLowerCase();
      if (keyword.length === 0) throw new RangeError('keywords must not be empty');
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const c = keyword.charCodeAt(i);
        if (c >= ALPHABET) throw new RangeError('keywords must be ASCII');
        let next = goto[state]!.get(c);
        if (next === undefined) {
          next = goto.length;
          goto.push(new Map());
          out.push([]);
          goto[state]!.set(c, next);
        }
        state = next;
      }
      out[state]!.push(id);
    });

    const states = goto.length;
    const table = new Int32Array(states * ALPHABET);
    const fail = new Int32Array(states);
    const queue: number[] = [];
    for (let c = 0; c < ALPHABET; c++) {
      const next = goto[0]!.get(c);
      if (next !== undefined) {
        table[c] = next;
        fail[next] = 0;
        queue.push(next);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const f = fail[state]!;
      if (out[f]!.length > 0) out[state] = out[state]!.concat(out[f]!);
      for (let c = 0; c < ALPHABET; c++) {
        const next = goto[state]!.get(c);
        if (next !== undefined) {
          fail[next] = table[f * ALPHABET + c]!;
          table[state * ALPHABET + c] = next;
          queue.push(next);
        } else {
          table[state * ALPHABET + c] = table[f * ALPHABET + c]!;
        }
      }
    }
    // Fold upper case onto lower case so the text need not be lower-cased first.
    for (let s = 0; s < states; s++) {
      for (let c = 65; c <= 90; c++) table[s * ALPHABET + c] = table[s * ALPHABET + c + 32]!;
    }
    this.table = table;
    this.outputs = out.map((ids) => (ids.length > 0 ? ids : undefined));
  }

  /** Marks found[id] = 1 for every keyword that occurs in `text`; returns how many distinct ones. */
  scan(text: string, found: Uint8Array): number {
    const table = this.table;
    const outputs = this.outputs;
    let state = 0;
    let distinct = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const c = text.charCodeAt(i);
      state = c < ALPHABET ? table[(state << 7) | c]! : 0;
      const ids = outputs[state];
      if (ids !== undefined) {
        for (const id of ids) {
          if (found[id] === 0) {
            found[id] = 1;
            distinct++;
          }
        }
        if (distinct === this.keywordCount) break;
      }
    }
    return distinct;
  }
}
